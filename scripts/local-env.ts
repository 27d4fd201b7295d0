// Secrets for the local demo (lib/mode.ts), which runs without configuring anything: generated once into
// .data/local.env (git-ignored) and loaded into process.env unless the environment already sets them. A
// deployment sets its own and never gets one generated: a missing secret stops it, naming the variable.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { newEncryptionKeyring } from "../lib/crypto/secret-box";
import { CONSOLE_VARIABLES, environmentProblems } from "../lib/env-variables";
import { decideMode } from "../lib/mode";

const FILE = ".data/local.env";

const GENERATORS: Record<string, () => string> = {
  GATEHOUSE_ENCRYPTION_KEYS: newEncryptionKeyring,
  NEXTAUTH_SECRET: () => randomBytes(32).toString("base64url"),
  GATEWAY_SERVICE_TOKEN: () => randomBytes(32).toString("base64url"),
};

/** Local demo only: this machine's secrets, generated into .data/local.env the first time. */
export function loadLocalSecrets(): void {
  const saved = new Map<string, string>();
  if (existsSync(FILE)) {
    for (const line of readFileSync(FILE, "utf8").split("\n")) {
      const at = line.indexOf("=");
      if (at > 0) saved.set(line.slice(0, at), line.slice(at + 1));
    }
  }
  let changed = false;
  for (const [name, generate] of Object.entries(GENERATORS)) {
    if (!saved.has(name)) {
      saved.set(name, generate());
      changed = true;
    }
    process.env[name] ??= saved.get(name);
  }
  if (changed) {
    mkdirSync(".data", { recursive: true });
    writeFileSync(FILE, [...saved].map(([k, v]) => `${k}=${v}`).join("\n") + "\n", { mode: 0o600 });
  }
}

/**
 * Readies the keyring `npm run db -- seed` seals the demo provider keys with, which must be the console's: in
 * the local demo this machine's (as `npm start` loads it), else GATEHOUSE_ENCRYPTION_KEYS from the environment,
 * never generated. Returns why seeding cannot go ahead, or null.
 */
export function prepareSeedKeyring(): string | null {
  const mode = decideMode(process.env);
  if ("refused" in mode) return mode.refused;
  if (mode.localDemo) {
    loadLocalSecrets();
    return null;
  }
  const [problem] = environmentProblems({ GATEHOUSE_ENCRYPTION_KEYS: CONSOLE_VARIABLES.GATEHOUSE_ENCRYPTION_KEYS }, process.env);
  if (problem === undefined) return null;
  return `${problem}. Seeding seals the demo provider keys with the console's keyring: set GATEHOUSE_ENCRYPTION_KEYS `
    + `to the one the console runs with. Outside the local demo (here ${mode.reason}) none is generated.`;
}
