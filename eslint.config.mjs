import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    // Widgets and rules never import routes: a page passes a section its bound server actions as props.
    files: ["components/**", "lib/**"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [{
          regex: "^(@/app(/|$)|(\\.\\./)+app(/|$))",
          message: "components/ and lib/ do not import from app/: take the server action as a prop from the page.",
        }],
      }],
    },
  },
  globalIgnores([".next/**", ".data/**", "lib/db/generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
]);
