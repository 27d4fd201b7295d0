// The OpenAPI document is generated from the zod schemas: its request limits are the ones the schemas and the
// routes enforce, checked here against both rather than against numbers copied into the test.
import { describe, expect, it } from "vitest";
import { generateKey } from "@/lib/domain/keys/format";
import { MAX_BATCH_EVENTS, usageBatch, usageEvent } from "@/lib/domain/usage/schemas";
import { call, gatewayForFile } from "./support";

let url: string;
gatewayForFile((started) => ({ url } = started));

type Schema = { type?: string; anyOf?: Schema[]; format?: string; maxLength?: number; minimum?: number; maximum?: number; maxItems?: number; minItems?: number; properties?: Record<string, Schema>; items?: Schema };

async function openApi() {
  return (await fetch(`${url}/api/v1/openapi.json`)).json();
}

/** The string or integer schema of a property, through the anyOf of a nullable one. */
const plain = (schema: Schema): Schema => schema.anyOf?.find((option) => option.type !== "null") ?? schema;

const event = () => ({
  tenantId: "7f1c2a4e-93b0-4c8e-9a51-0d6b2f3e8c17", requestId: "r1", occurredAt: new Date().toISOString(),
  provider: "openai", model: "gpt-4o-mini", inputTokens: 1, outputTokens: 1, latencyMs: 1, status: 200,
});

describe("the OpenAPI document's request limits", () => {
  it("has the usage batch's bounds on events, which are the schema's", async () => {
    const batch: Schema = (await openApi()).paths["/api/v1/usage"].post.requestBody.content["application/json"].schema;
    const events = batch.properties!.events;
    expect(events).toMatchObject({ minItems: 1, maxItems: MAX_BATCH_EVENTS });
    const ofLength = (n: number) => ({ events: Array(n).fill({}) });
    expect(usageBatch.safeParse(ofLength(events.maxItems!)).success).toBe(true);
    expect(usageBatch.safeParse(ofLength(events.maxItems! + 1)).success).toBe(false);
    expect(usageBatch.safeParse(ofLength(events.minItems! - 1)).success).toBe(false);
  });

  it("has each usage event field's maximum length and range, which the event schema accepts and refuses one past", async () => {
    const batch: Schema = (await openApi()).paths["/api/v1/usage"].post.requestBody.content["application/json"].schema;
    const fields = Object.entries(batch.properties!.events.items!.properties!).map(([name, schema]) => [name, plain(schema)] as const);
    const accepts = (field: string, value: unknown) => usageEvent.safeParse({ ...event(), [field]: value }).success;
    const texts = fields.filter(([, schema]) => schema.type === "string" && schema.maxLength !== undefined && schema.format === undefined);
    const counts = fields.filter(([, schema]) => schema.type === "integer");
    expect(texts.map(([name]) => name)).toEqual(["requestId", "provider", "model", "requestedModel", "feature", "team"]);
    expect(counts.map(([name]) => name)).toEqual(["inputTokens", "outputTokens", "latencyMs", "status"]);
    for (const [name, { maxLength }] of texts) {
      expect(accepts(name, "x".repeat(maxLength!)), name).toBe(true);
      expect(accepts(name, "x".repeat(maxLength! + 1)), name).toBe(false);
    }
    for (const [name, { minimum, maximum }] of counts) {
      expect([accepts(name, minimum), accepts(name, maximum)], name).toEqual([true, true]);
      expect([accepts(name, minimum! - 1), accepts(name, maximum! + 1)], name).toEqual([false, false]);
    }
  });

  it("has the verify body's clientAddress length, which the route accepts and refuses one past", async () => {
    const document = await openApi();
    const clientAddress: Schema = document.components.schemas.VerifyRequest.properties.clientAddress;
    const status = async (length: number) => (await call(url, { body: JSON.stringify({ key: generateKey().key, clientAddress: "x".repeat(length) }) })).status;
    expect(await status(clientAddress.maxLength!)).toBe(200);
    expect(await status(clientAddress.maxLength! + 1)).toBe(400);
    expect(document.paths["/api/v1/keys/verify"].post.requestBody.description).toBe("At most 4 KB.");
  });
});
