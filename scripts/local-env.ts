// Secrets for running on this machine without configuring anything: generated once into .data/local.env
// (git-ignored) and loaded into process.env unless the environment already sets them. Production sets its own.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { newEncryptionKeyring } from "../lib/crypto/secret-box";

const FILE = ".data/local.env";

const GENERATORS: Record<string, () => string> = {
  GATEHOUSE_ENCRYPTION_KEYS: newEncryptionKeyring,
  NEXTAUTH_SECRET: () => randomBytes(32).toString("base64url"),
  GATEWAY_SERVICE_TOKEN: () => randomBytes(32).toString("base64url"),
};

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
