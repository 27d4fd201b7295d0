// `prisma generate` without network: the CLI insists on a schema engine binary it would otherwise download,
// and generating the client never runs it, so a stub that exits 1 stands in.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

execFileSync("npx", ["prisma", "generate"], {
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: fileURLToPath(new URL("./schema-engine-shim.sh", import.meta.url)),
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  },
});
