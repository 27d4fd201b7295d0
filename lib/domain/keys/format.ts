// The API key format, recognizable by secret scanners and checkable without the database (after GitHub's):
//
//   gth_<lookup:8>_<secret:32><checksum:6>      e.g. gth_4fT9aQ2z_…
//
// `gth_` names the product; the lookup id (base62, stored in api_keys.prefix, unique among keys not revoked)
// finds the row; 32 base62 characters carry ~190 bits of randomness; the checksum is the CRC32 of everything
// before it, in base62, so a mistyped key is refused as malformed before any database work.
import { randomInt } from "node:crypto";
import { crc32 } from "node:zlib";

export const KEY_PRODUCT_PREFIX = "gth_";
const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const LOOKUP_LENGTH = 8;
const SECRET_LENGTH = 32;
const CHECKSUM_LENGTH = 6;
const KEY_PATTERN = new RegExp(`^${KEY_PRODUCT_PREFIX}([0-9A-Za-z]{${LOOKUP_LENGTH}})_([0-9A-Za-z]{${SECRET_LENGTH}})([0-9A-Za-z]{${CHECKSUM_LENGTH}})$`);
export const KEY_LENGTH = KEY_PRODUCT_PREFIX.length + LOOKUP_LENGTH + 1 + SECRET_LENGTH + CHECKSUM_LENGTH;

const randomBase62 = (length: number) => Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");

function checksum(body: string): string {
  let n = crc32(body);
  let out = "";
  for (let i = 0; i < CHECKSUM_LENGTH; i++) {
    out = ALPHABET[n % 62] + out;
    n = Math.floor(n / 62);
  }
  return out;
}

export interface GeneratedKey {
  /** the whole key: shown once, never stored */
  key: string;
  /** the lookup id, stored in api_keys.prefix */
  prefix: string;
}

export function generateKey(): GeneratedKey {
  const prefix = randomBase62(LOOKUP_LENGTH);
  const body = `${KEY_PRODUCT_PREFIX}${prefix}_${randomBase62(SECRET_LENGTH)}`;
  return { key: body + checksum(body), prefix };
}

/** The lookup id of a well-formed key with a correct checksum; null for anything else. */
export function parseKey(key: unknown): { prefix: string } | null {
  if (typeof key !== "string" || key.length !== KEY_LENGTH) return null;
  const match = KEY_PATTERN.exec(key);
  if (!match) return null;
  const body = key.slice(0, KEY_LENGTH - CHECKSUM_LENGTH);
  return checksum(body) === match[3] ? { prefix: match[1] } : null;
}

/** What the console shows of a key: its product prefix and lookup id. */
export const visiblePrefix = (prefix: string) => `${KEY_PRODUCT_PREFIX}${prefix}_…`;
