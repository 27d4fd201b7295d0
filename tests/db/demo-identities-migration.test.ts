// Migration demo_identities_off_github: a database seeded before demo people got negative GitHub ids (every
// `npm start` on an empty database did so, deployments too) no longer lets the real accounts behind the old ids
// in as them, and leaves everyone else alone.
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { dropDatabase, withClient } from "../../lib/db/embedded";
import { MIGRATIONS_DIR, Migrator } from "../../lib/db/migrator";
import { scratchDatabase } from "../support/database";

const MIGRATION = readdirSync(MIGRATIONS_DIR).find((name) => name.endsWith("_demo_identities_off_github"))!;

let url: string;
let before: string;
afterAll(async () => {
  rmSync(before, { recursive: true, force: true });
  await dropDatabase(url);
});

interface Person {
  githubId: number;
  email: string;
  staffRole?: string;
}

const OLD_ADA: Person = { githubId: 100_005, email: "ada@gatehouse.example", staffRole: "admin" };
const OLD_NIA: Person = { githubId: 200_001, email: "newhire@acme.example" }; // signed in through the local identity provider
const REAL_PERSON: Person = { githubId: 100_017, email: "real@example.com" };
const REAL_OWNER_OF_A_FORMER_ID: Person = { githubId: 100_006, email: "sue.real@example.com" }; // not the demo's Sue

it("gives the demo people of an old seed negative ids, ends their GitHub links and sessions, and drops their pictures", async () => {
  url = await scratchDatabase();
  before = mkdtempSync(join(tmpdir(), "migrations-before-"));
  for (const name of readdirSync(MIGRATIONS_DIR).filter((name) => name < MIGRATION)) cpSync(join(MIGRATIONS_DIR, name), join(before, name), { recursive: true });
  await new Migrator(url, before).up();

  await withClient(url, async (client) => {
    for (const person of [OLD_ADA, OLD_NIA, REAL_PERSON, REAL_OWNER_OF_A_FORMER_ID]) {
      const { rows: [{ id }] } = await client.query(
        `INSERT INTO users (github_id, email, staff_role, avatar_url) VALUES ($1, $2, $3, $4) RETURNING id`,
        [person.githubId, person.email, person.staffRole ?? null, `https://avatars.githubusercontent.com/u/${person.githubId}`],
      );
      await client.query(`INSERT INTO accounts (user_id, type, provider, provider_account_id) VALUES ($1, 'oauth', 'github', $2)`, [id, String(person.githubId)]);
      await client.query(`INSERT INTO sessions (session_token, user_id, expires) VALUES ($1, $2, now() + interval '1 day')`, [`token-${person.githubId}`, id]);
    }
  });

  await new Migrator(url).up();

  const people = await withClient(url, async (client) => (await client.query(
    `SELECT u.email, u.github_id::int, u.avatar_url, u.staff_role::text,
            (SELECT array_agg(provider_account_id) FROM accounts a WHERE a.user_id = u.id) AS accounts,
            (SELECT count(*)::int FROM sessions s WHERE s.user_id = u.id) AS sessions
     FROM users u ORDER BY u.email`)).rows);
  expect(people).toEqual([
    { email: OLD_ADA.email, github_id: -100_005, avatar_url: null, staff_role: "admin", accounts: null, sessions: 0 },
    { email: OLD_NIA.email, github_id: -200_001, avatar_url: null, staff_role: null, accounts: null, sessions: 0 },
    { email: REAL_PERSON.email, github_id: 100_017, avatar_url: expect.any(String), staff_role: null, accounts: ["100017"], sessions: 1 },
    { email: REAL_OWNER_OF_A_FORMER_ID.email, github_id: 100_006, avatar_url: expect.any(String), staff_role: null, accounts: ["100006"], sessions: 1 },
  ]);

  // reverting it hands nobody the old ids back
  await new Migrator(url).down(readdirSync(MIGRATIONS_DIR).filter((name) => name >= MIGRATION).length);
  const { rows } = await withClient(url, (client) => client.query(`SELECT github_id::int FROM users WHERE email = $1`, [OLD_ADA.email]));
  expect(rows).toEqual([{ github_id: -100_005 }]);
});
