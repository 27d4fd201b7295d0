// The OpenAPI description of POST /api/v1/keys/verify, with the zod schemas of its body and answers (the route
// parses its body by hand, on the hot path; these share its limits' constants).
import { z } from "zod";
import { KEY_LENGTH } from "@/lib/domain/keys/format";
import type { RouteDescription } from "../context";
import { errorBody, jsonContent, jsonSchemaOf, rateLimited, response, retryAfter, SERVICE_TOKEN, unauthorized } from "../openapi";
import { FAILURE_CODES } from "../verify";
import { CLIENT_ADDRESS_MAX_LENGTH, VERIFY_BODY_LIMIT_BYTES } from "./verify";

export const verifyRequest = z.object({
  key: z.string().describe(`An API key as issued by the console: gth_<lookup:8>_<secret:32><checksum:6> (${KEY_LENGTH} characters).`),
  clientAddress: z.string().min(1).max(CLIENT_ADDRESS_MAX_LENGTH).optional().describe(
    "Who sent the key to the caller (their IP address, or any id of theirs): their invalid keys are rate " +
      "limited, and only theirs. Without it, invalid keys are not rate limited.",
  ),
});

const validKey = z.object({
  valid: z.literal(true),
  keyId: z.uuid(),
  tenant: z.object({ id: z.uuid(), slug: z.string(), status: z.enum(["demo", "trial", "active"]) }),
  scopes: z.array(z.string()),
  projectId: z.uuid().nullable(),
  product: z.string().nullable(),
  expiresAt: z.iso.datetime().nullable(),
});

const invalidKey = z.object({
  valid: z.literal(false),
  code: z.enum(FAILURE_CODES).describe(
    "malformed: not a well-formed key (checked without the database); not_found: no such key; " +
      "revoked; expired; tenant_frozen / tenant_archived: the key's tenant cannot use the gateway. " +
      "When several apply, the first in this order wins: revoked, expired, tenant status.",
  ),
});

export function describeVerify(): RouteDescription {
  const limit = `${VERIFY_BODY_LIMIT_BYTES / 1024} KB`;
  const clientAddress = verifyRequest.shape.clientAddress.unwrap();
  const operation = {
    operationId: "verifyKey",
    summary: "Verify an API key",
    description:
      "Answers whether the key may be used, with its tenant, scopes, project and product. Results are " +
      "cached briefly; revoking a key or freezing its tenant takes effect at once.",
    security: SERVICE_TOKEN,
    requestBody: { required: true, description: `At most ${limit}.`, content: jsonContent({ $ref: "#/components/schemas/VerifyRequest" }) },
    responses: {
      "200": {
        description: "The verdict",
        content: jsonContent({ oneOf: [{ $ref: "#/components/schemas/Valid" }, { $ref: "#/components/schemas/Invalid" }] }),
      },
      "400": response(
        `The body is not JSON, has no key, or a clientAddress that is not a string of ${clientAddress.minLength} to ${clientAddress.maxLength} characters`,
        errorBody(["invalid_json", "missing_key", "invalid_client_address"]),
      ),
      "401": unauthorized(),
      "413": response(`The body is larger than ${limit}`, errorBody(["body_too_large"])),
      "429": rateLimited(
        "Too many requests without the service token from this source address, or invalid keys from this clientAddress: every key of that clientAddress, valid or not, is refused until Retry-After. " +
          "A key not in the cache holds one of the clientAddress's failures while it is looked up, given back if it is valid (so a clientAddress has no more lookups under way than failures left), and a 503 counts as a failure",
      ),
      "503": {
        ...response(
          "The database cannot be reached, or (with Retry-After) too many keys not in the cache are waiting for a database connection or for their hash to be verified already",
          errorBody(["unavailable"]),
        ),
        headers: retryAfter("Seconds to wait, when a verification queue was full"),
      },
    },
  };
  return { operation, components: { VerifyRequest: jsonSchemaOf(verifyRequest), Valid: jsonSchemaOf(validKey), Invalid: jsonSchemaOf(invalidKey) } };
}
