// Where a person lands after signing in, on real PostgreSQL.
import { afterAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { acceptPendingInvitations, landingPath, sameSitePath } from "../../lib/auth/sign-in";
import type { Actor } from "../../lib/auth/principal";
import type { StaffRole } from "../../lib/db/generated/enums";
import { actorFor, tenantFor } from "../support/actors";
import { testPrisma } from "../support/database";

const db = testPrisma();
afterAll(() => db.$disconnect());

/** `actor` signed in: a session row as NextAuth creates it before its signIn event accepts invitations. */
async function signedIn(actor: Actor): Promise<Actor> {
  const session = await db.session.create({
    data: { sessionToken: randomBytes(16).toString("hex"), userId: actor.id!, expires: new Date(Date.now() + 60_000) },
  });
  return { ...actor, sessionId: session.id };
}

/** A person in `memberships` tenants, signed in. */
async function personIn(memberships: number, staffRole: StaffRole | null = null) {
  const tenants = await Promise.all(Array.from({ length: memberships }, () => tenantFor(db)));
  const actor = await actorFor(db, { staffRole, roles: Object.fromEntries(tenants.map((tenant) => [tenant.id, "member"])) });
  return { tenants, actor: await signedIn(actor) };
}

describe("landingPath", () => {
  it("sends a person in one tenant, not staff, to that tenant", async () => {
    const { tenants: [only], actor } = await personIn(1);
    expect(await landingPath(actor)).toBe(`/t/${only.slug}`);
  });

  it("keeps people in several tenants, staff, and people in none on the overview", async () => {
    for (const [memberships, staffRole] of [[2, null], [1, "support"], [0, "admin"], [0, null]] as const) {
      expect(await landingPath((await personIn(memberships, staffRole)).actor)).toBe("/");
    }
  });

  it("sends a person whose sign-in accepted an invitation to that tenant, whatever else they belong to, that session only", async () => {
    for (const staffRole of [null, "sales"] as const) {
      const { actor } = await personIn(2, staffRole);
      const { email } = await db.user.findUniqueOrThrow({ where: { id: actor.id! } });
      const invited = await tenantFor(db);
      await db.invitation.create({
        data: { tenantId: invited.id, email: email!, role: "viewer", tokenHash: randomBytes(32).toString("hex"), expiresAt: new Date(Date.now() + 60_000) },
      });
      await acceptPendingInvitations(actor.id!, email, { sourceIp: actor.sourceIp, userAgent: actor.userAgent });

      expect(await landingPath(actor)).toBe(`/t/${invited.slug}`);
      expect(await landingPath(await signedIn(actor))).toBe("/"); // a later sign-in accepted nothing
    }
  });
});

describe("sameSitePath", () => {
  it("keeps a path of this site and refuses what a browser would take to another host", () => {
    expect(sameSitePath("/t/acme/keys?status=active")).toBe("/t/acme/keys?status=active");
    for (const url of ["https://evil.example/", "//evil.example", "/\\evil.example", "javascript:alert(1)", "", undefined]) {
      expect(sameSitePath(url)).toBeNull();
    }
  });
});
