// The zod schemas of /api/v1's requests and answers, for the OpenAPI document (openapi.ts) only: the routes parse
// their bodies by hand (verify) or through lib/domain (usage), and these share their limits' constants, so the
// document cannot drift from what the routes accept. Never imported by the gateway's start: zod stays out of it.
import { z } from "zod";
import { KEY_LENGTH } from "@/lib/domain/keys/format";
import { CLIENT_ADDRESS_MAX_LENGTH } from "./routes/verify";
import { FAILURE_CODES } from "./verify";

export { usageBatch, usageEvent } from "@/lib/domain/usage/schemas";

export const verifyRequest = z.object({
  key: z.string().describe(`An API key as issued by the console: gth_<lookup:8>_<secret:32><checksum:6> (${KEY_LENGTH} characters).`),
  clientAddress: z.string().min(1).max(CLIENT_ADDRESS_MAX_LENGTH).optional().describe(
    "Who sent the key to the caller (their IP address, or any id of theirs): their invalid keys are rate " +
      "limited, and only theirs. Without it, invalid keys are not rate limited.",
  ),
});

export const validKey = z.object({
  valid: z.literal(true),
  keyId: z.uuid(),
  tenant: z.object({ id: z.uuid(), slug: z.string(), status: z.enum(["demo", "trial", "active"]) }),
  scopes: z.array(z.string()),
  projectId: z.uuid().nullable(),
  product: z.string().nullable(),
  expiresAt: z.iso.datetime().nullable(),
});

export const invalidKey = z.object({
  valid: z.literal(false),
  code: z.enum(FAILURE_CODES).describe(
    "malformed: not a well-formed key (checked without the database); not_found: no such key; " +
      "revoked; expired; tenant_frozen / tenant_archived: the key's tenant cannot use the gateway. " +
      "When several apply, the first in this order wins: revoked, expired, tenant status.",
  ),
});

export const usageResult = z.object({
  accepted: z.int(),
  duplicates: z.int(),
  rejected: z.array(z.object({ index: z.int(), requestId: z.string().optional(), field: z.string().optional(), reason: z.string() })),
  unpriced: z.array(z.object({ index: z.int(), requestId: z.string(), model: z.string() })),
});

/** `{ error }` with one of `codes`, and a `reason` when `withReason`. */
export const errorBody = (codes: readonly [string, ...string[]], withReason = false) =>
  withReason ? z.object({ error: z.enum(codes), reason: z.string() }) : z.object({ error: z.enum(codes) });
