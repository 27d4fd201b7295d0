import { defineConfig } from "prisma/config";

// The Prisma CLI only generates the client here; migrations are our own (scripts/db.ts).
export default defineConfig({
  schema: "prisma/schema.prisma",
});
