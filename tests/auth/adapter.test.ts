// The NextAuth adapter keeps only a hash of each session token, and finds sessions by the raw token.
import { afterAll, describe, expect, it, vi } from "vitest";
import { randomBytes } from "node:crypto";
import { gatehouseAdapter, sessionTokenHash } from "../../lib/auth/adapter";
import { testPrisma } from "../support/database";
import { actorFor } from "../support/actors";

// the adapter records where a sign-in came from: NextAuth calls it inside its route handler's request
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "user-agent": "vitest" }) }));

const db = testPrisma();
afterAll(() => db.$disconnect());

describe("session tokens", () => {
  it("are stored hashed, while the cookie keeps the raw token that finds, renews and ends the session", async () => {
    const adapter = gatehouseAdapter();
    const person = await actorFor(db);
    const token = randomBytes(32).toString("hex");
    const expires = new Date(Date.now() + 3_600_000);

    const created = await adapter.createSession!({ sessionToken: token, userId: person.id!, expires });
    expect(created.sessionToken).toBe(token); // what NextAuth writes into the cookie
    const rows = await db.session.findMany({ where: { userId: person.id! } });
    expect(rows.map((r) => r.sessionToken)).toEqual([sessionTokenHash(token)]);
    expect(JSON.stringify(rows)).not.toContain(token);

    expect((await adapter.getSessionAndUser!(token))?.user.id).toBe(person.id);
    expect(await adapter.getSessionAndUser!(sessionTokenHash(token))).toBeNull(); // a leaked hash is no cookie

    const later = new Date(Date.now() + 7_200_000);
    await adapter.updateSession!({ sessionToken: token, expires: later });
    expect((await db.session.findFirstOrThrow({ where: { userId: person.id! } })).expires).toEqual(later);

    await adapter.deleteSession!(token);
    expect(await db.session.count({ where: { userId: person.id! } })).toBe(0);
  });
});
