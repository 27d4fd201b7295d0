// The platform keeps an enabled admin, as a tenant keeps its last owner: on a database of this file's own, where
// the admins are exactly the ones each test makes.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { changeStaffRole, disablePerson, enablePerson } from "../../lib/domain/people/service";
import { dropDatabase } from "../../lib/db/embedded";
import { Migrator } from "../../lib/db/migrator";
import { createPrismaClient, type PrismaClient } from "../../lib/db/prisma";
import type { Actor } from "../../lib/auth/principal";
import type { MutationResult } from "../../lib/db/mutation";
import { actorFor } from "../support/actors";
import { scratchDatabase } from "../support/database";

let url: string;
let db: PrismaClient;
beforeAll(async () => {
  url = await scratchDatabase();
  await new Migrator(url).up();
  process.env.DATABASE_URL = url; // the services' client (lib/db/client.ts) is made on first use, after this
  db = createPrismaClient(url);
});
afterAll(async () => {
  await db.$disconnect();
  await dropDatabase(url);
});
beforeEach(() => db.user.deleteMany());

const lastAdmin = (name: string, change: "demoted" | "disabled") =>
  ({ ok: false, kind: "conflict", message: `${name} is the platform's last enabled admin and cannot be ${change}: make someone else an admin first.` });

describe("the last enabled admin", () => {
  it("cannot be demoted, even by themselves; with a second admin they can", async () => {
    const admin = await actorFor(db, { staffRole: "admin" });
    for (const staffRole of ["sales", "support", "none"]) {
      expect(await changeStaffRole(admin, { userId: admin.id, staffRole })).toEqual(lastAdmin(admin.name, "demoted"));
    }
    const second = await actorFor(db, { staffRole: "admin" });
    expect(await changeStaffRole(second, { userId: admin.id, staffRole: "sales" })).toMatchObject({ ok: true });
    expect(await changeStaffRole(second, { userId: second.id, staffRole: "none" })).toEqual(lastAdmin(second.name, "demoted"));
  });

  it("counts no demo identity outside the local demo: beside a seeded Ada Admin, the one real admin is still the last", async () => {
    const admin = await actorFor(db, { staffRole: "admin" });
    const ada = await db.user.create({ data: { githubId: -100_005n, githubLogin: "ada-admin", name: "Ada Admin", staffRole: "admin" } });
    expect(await changeStaffRole(admin, { userId: admin.id, staffRole: "none" })).toEqual(lastAdmin(admin.name, "demoted"));
    expect(await disablePerson(admin, { userId: ada.id })).toMatchObject({ ok: true });
  });

  it("is counted among the enabled only: a disabled admin keeps no one in, and may be demoted", async () => {
    const [admin, other] = [await actorFor(db, { staffRole: "admin" }), await actorFor(db, { staffRole: "admin" })];
    expect(await disablePerson(admin, { userId: other.id })).toMatchObject({ ok: true });

    expect(await changeStaffRole(admin, { userId: admin.id, staffRole: "sales" })).toEqual(lastAdmin(admin.name, "demoted"));
    // `other`'s actor is stale, as a request already under way would be: still admin, though disabled now
    expect(await disablePerson(other, { userId: admin.id })).toEqual(lastAdmin(admin.name, "disabled"));
    expect(await changeStaffRole(admin, { userId: other.id, staffRole: "none" })).toMatchObject({ ok: true });
    expect(await db.user.findMany({ where: { staffRole: "admin", disabledAt: null }, select: { id: true } })).toEqual([{ id: admin.id }]);
  });

  it("is kept when two admins demote or disable each other at once: one change lands, the other is refused", async () => {
    const changes: ((by: Actor, of: Actor) => Promise<MutationResult<unknown>>)[] = [
      (by, of) => changeStaffRole(by, { userId: of.id, staffRole: "support" }),
      (by, of) => disablePerson(by, { userId: of.id }),
    ];
    for (const change of changes) {
      await db.user.deleteMany();
      const [admin, other] = [await actorFor(db, { staffRole: "admin" }), await actorFor(db, { staffRole: "admin" })];

      const results = await Promise.all([change(admin, other), change(other, admin)]);

      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toMatchObject([{ kind: "conflict", message: expect.stringContaining("last enabled admin") }]);
      expect(await db.user.count({ where: { staffRole: "admin", disabledAt: null } })).toBe(1);
    }
  });

  it("being re-enabled counts again", async () => {
    const [admin, other] = [await actorFor(db, { staffRole: "admin" }), await actorFor(db, { staffRole: "admin" })];
    await disablePerson(admin, { userId: other.id });
    expect(await enablePerson(admin, { userId: other.id })).toMatchObject({ ok: true });
    expect(await changeStaffRole(other, { userId: admin.id, staffRole: "sales" })).toMatchObject({ ok: true });
  });
});
