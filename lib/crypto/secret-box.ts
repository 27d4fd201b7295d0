// AES-256-GCM for secrets we must read back (upstream provider keys, webhook signing secrets).
// GATEHOUSE_ENCRYPTION_KEYS is a comma-separated keyring "1:<base64 32 bytes>,2:<…>": the highest version
// encrypts, every listed version decrypts, so a key can be rotated by adding a version and re-encrypting.
// Stored layout: 12-byte IV ‖ 16-byte auth tag ‖ ciphertext; the version is kept beside it in key_version.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

export interface Sealed {
  ciphertext: Uint8Array<ArrayBuffer>;
  keyVersion: number;
}

function keyring(): Map<number, Buffer> {
  const raw = process.env.GATEHOUSE_ENCRYPTION_KEYS;
  if (!raw) throw new Error("GATEHOUSE_ENCRYPTION_KEYS is not set (format: 1:<base64 of 32 random bytes>)");
  const ring = new Map<number, Buffer>();
  for (const entry of raw.split(",")) {
    const [version, key] = entry.trim().split(":");
    const bytes = Buffer.from(key ?? "", "base64");
    if (!/^\d+$/.test(version ?? "") || bytes.length !== 32) {
      throw new Error("GATEHOUSE_ENCRYPTION_KEYS entries must be <version>:<base64 of 32 bytes>");
    }
    ring.set(Number(version), bytes);
  }
  return ring;
}

/** The version `seal` encrypts under: the highest in the keyring. */
export const newestKeyVersion = (ring = keyring()): number => Math.max(...ring.keys());

export function seal(plaintext: string): Sealed {
  const ring = keyring();
  const keyVersion = newestKeyVersion(ring);
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", ring.get(keyVersion)!, iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return { ciphertext: new Uint8Array(Buffer.concat([iv, cipher.getAuthTag(), body])), keyVersion };
}

export function open({ ciphertext, keyVersion }: Sealed): string {
  const key = keyring().get(keyVersion);
  if (!key) throw new Error(`encryption key version ${keyVersion} is not in GATEHOUSE_ENCRYPTION_KEYS`);
  const bytes = Buffer.from(ciphertext);
  const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, 12));
  decipher.setAuthTag(bytes.subarray(12, 28));
  return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString("utf8");
}

export function newEncryptionKeyring(): string {
  return `1:${randomBytes(32).toString("base64")}`;
}
