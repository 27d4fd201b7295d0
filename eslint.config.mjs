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
  {
    // A browser global of a common word hides a variable the code forgot to declare: `name` read in a component
    // that has none is window.name, "" in the browser and a ReferenceError on the server. Take them from window.
    rules: {
      "no-restricted-globals": ["error", ...["name", "status", "event", "length", "parent", "top", "self", "origin", "close", "open", "history", "location"]
        .map((name) => ({ name, message: `Use a variable of your own, or window.${name} if the browser's is meant.` }))],
    },
  },
  globalIgnores([".next/**", ".data/**", "lib/db/generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
]);
