// Who may create, revoke and roll API keys: the refused change nothing and leave one failure event each.
import { afterAll, describe, expect, it } from "vitest";
import { createApiKey, revokeApiKey, rollApiKey } from "../../lib/domain/keys/service";
import { actorFor, tenantFor } from "../support/actors";
import { issued } from "../support/keys";
import { createKey, db, failuresOf, keyRow, keysOf, rawKey, tenantWith } from "./key-support";

afterAll(() => db.$disconnect());

describe("who may manage keys", () => {
  it("refuses a viewer to create, revoke and roll: forbidden, a failure audit row each, nothing changed", async () => {
    const { tenant, actor: owner } = await tenantWith("owner");
    const key = await createKey(owner, tenant.id);
    const viewer = await actorFor(db, { roles: { [tenant.id]: "viewer" } });

    expect(await createApiKey(viewer, { tenantId: tenant.id, name: "Mine", scopes: ["proxy"] })).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await revokeApiKey(viewer, { tenantId: tenant.id, keyId: key.id })).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await rollApiKey(viewer, { tenantId: tenant.id, keyId: key.id, grace: "none" })).toMatchObject({ ok: false, kind: "forbidden" });

    expect((await failuresOf(viewer)).map((e) => [e.action, e.tenantId])).toEqual([
      ["api_key.created", tenant.id], ["api_key.revoked", tenant.id], ["api_key.rolled", tenant.id],
    ]);
    expect((await keysOf(tenant.id)).map((k) => [k.id, k.revokedAt, k.rolledToId, k.expiresAt])).toEqual([[key.id, null, null, null]]);
  });

  it("lets a member create, roll and revoke keys", async () => {
    const { tenant, actor: member } = await tenantWith("member");
    const key = await createKey(member, tenant.id);
    const successor = await issued(rollApiKey(member, { tenantId: tenant.id, keyId: key.id, grace: "24h" }));
    expect(await revokeApiKey(member, { tenantId: tenant.id, keyId: successor.id })).toMatchObject({ ok: true });
  });

  it("lets admin staff manage any tenant's keys, and refuses sales and support staff and other tenants' owners", async () => {
    const { tenant, actor: owner } = await tenantWith("owner");
    const key = await createKey(owner, tenant.id);
    const admin = await actorFor(db, { staffRole: "admin" });
    const byAdmin = await createKey(admin, tenant.id, { name: "By admin" });
    expect((await keyRow(byAdmin.id)).createdById).toBe(admin.id);

    const refused = [
      await actorFor(db, { staffRole: "sales" }),
      await actorFor(db, { staffRole: "support" }),
      (await tenantWith("owner")).actor,
    ];
    for (const actor of refused) {
      expect(await createApiKey(actor, { tenantId: tenant.id, name: "Not mine", scopes: ["proxy"] })).toMatchObject({ ok: false, kind: "forbidden" });
      expect(await revokeApiKey(actor, { tenantId: tenant.id, keyId: key.id })).toMatchObject({ ok: false, kind: "forbidden" });
      expect(await rollApiKey(actor, { tenantId: tenant.id, keyId: key.id, grace: "none" })).toMatchObject({ ok: false, kind: "forbidden" });
      expect(await failuresOf(actor)).toHaveLength(3);
    }
    expect((await keysOf(tenant.id)).map((k) => [k.name, k.revokedAt, k.rolledToId])).toEqual([["Production", null, null], ["By admin", null, null]]);
  });

  it("refuses the owner of a frozen tenant, saying it is frozen", async () => {
    const tenant = await tenantFor(db, { status: "frozen" });
    const owner = await actorFor(db, { roles: { [tenant.id]: "owner" } });
    const key = await rawKey(tenant.id, { name: "Old" });

    const result = await createApiKey(owner, { tenantId: tenant.id, name: "New", scopes: ["proxy"] });
    expect(result).toMatchObject({ ok: false, kind: "forbidden" });
    expect(!result.ok && result.message).toContain("frozen");
    expect(await revokeApiKey(owner, { tenantId: tenant.id, keyId: key.id })).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await rollApiKey(owner, { tenantId: tenant.id, keyId: key.id, grace: "1h" })).toMatchObject({ ok: false, kind: "forbidden" });
    expect((await keysOf(tenant.id)).map((k) => [k.name, k.revokedAt, k.rolledToId])).toEqual([["Old", null, null]]);
  });
});
