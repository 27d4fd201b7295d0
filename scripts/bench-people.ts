// npm run bench:people: the staff page (/staff) at 1,000,000 people. A throwaway embedded PostgreSQL is migrated
// and loaded in SQL (INSERT … SELECT generate_series, from a fixed seed): names, GitHub logins and e-mails that
// cluster as real ones do (a few first names and surnames are common, the rest a long tail), a few staff, some
// disabled, a third in one to five of 2,000 tenants; vacuumed and analyzed. Then listPeople, what the page calls,
// is timed directly (server time, 20 runs each after warm-ups, p50/p95): the first page, pages 10,000 rows deep,
// each filter, and searches from text most people match to two letters. The last line is
// `worst_p95_ms=… first_page_p95_ms=… deep_page_p95_ms=…`.
import { withClient } from "../lib/db/embedded";
import { Migrator } from "../lib/db/migrator";
import type { Principal } from "../lib/auth/principal";
import type { PeopleListParams } from "../lib/domain/people/list-params";
import { RUNS, runBench, time, type Timing } from "./bench-support";

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 1_000_000);
const TENANTS = 2_000;
const DEEP_PAGES = 200; // of 50: 10,000 rows
// the targets (README, "People and platform staff")
const PAGE_TARGET_MS = 1_000;
const FIRST_AND_DEEP_TARGET_MS = 50;

// The most common first, each list's head far more frequent than its tail (LOAD_SQL draws with a power law).
const FIRST_NAMES = [
  "David", "Michael", "Daniel", "Maria", "Alex", "John", "Anna", "Thomas", "Wei", "Laura", "Chris", "Sarah", "Mohammed",
  "Andrea", "Peter", "Emma", "James", "Julia", "Robert", "Elena", "Mark", "Sofia", "Paul", "Lisa", "Ahmed", "Olga",
  "Jan", "Priya", "Lukas", "Yuki", "Rahul", "Hannah", "Carlos", "Nina", "Kevin", "Sara", "Ivan", "Jessica", "Matteo",
  "Fatima", "Stefan", "Mei", "Luis", "Katarzyna", "Martin", "Amit", "Jennifer", "Pierre", "Ana", "Jonas", "Emily",
  "Hiroshi", "Chloe", "Tom", "Ravi", "Claire", "Sergey", "Ines", "Marco", "Aisha", "Ben", "Lea", "Diego", "Min",
  "Oliver", "Marta", "Ali", "Eva", "Sam", "Ling", "Jakub", "Rosa", "Nikhil", "Zoe", "Felix", "Ngozi", "Andrei",
  "Camille", "Pablo", "Ingrid", "Kenji", "Amelia", "Omar", "Freya", "Viktor", "Leila", "Hugo", "Mia", "Arjun",
  "Isabel", "Tariq", "Astrid", "Raj", "Noor", "Erik", "Chiara", "Jose", "Grace", "Dmitri", "Helena", "Kofi",
  "Beatriz", "Lars", "Yara", "Tomasz", "Ayumi", "Gustavo", "Maja", "Ethan", "Zeynep", "Mateus", "Sven", "Amara",
  "Oscar", "Dana", "Joon", "Leon", "Ruth",
];
const SURNAMES = [
  "Smith", "Wang", "Kumar", "Li", "Zhang", "Singh", "Garcia", "Müller", "Nguyen", "Chen", "Johnson", "Liu", "Kim",
  "Rodriguez", "Sharma", "Brown", "Schmidt", "Silva", "Martin", "Williams", "Patel", "Lee", "Yang", "Jones", "Huang",
  "Lopez", "Ivanov", "Santos", "Schneider", "Martinez", "Rossi", "Zhao", "Fischer", "Gonzalez", "Kowalski", "Park",
  "Wu", "Dubois", "Weber", "Hernandez", "Miller", "Zhou", "Tanaka", "Oliveira", "Gupta", "Davis", "Meyer", "Nowak",
  "Sato", "Khan", "Perez", "Wagner", "Choi", "Pereira", "Ferrari", "Suzuki", "Novak", "Wilson", "Becker", "Costa",
  "Jensen", "Sanchez", "Taylor", "Hoffmann", "Andersson", "Rao", "Bernard", "Moore", "Petrov", "Takahashi",
  "Nielsen", "Russo", "Anderson", "Schulz", "Lim", "Ramirez", "Thomas", "Hansen", "Torres", "Kovacs", "Jackson",
  "Esposito", "Yilmaz", "White", "Petit", "Larsen", "Murphy", "Bianchi", "Koch", "Reddy", "Walker", "Popescu",
  "Kelly", "Okafor", "Clark", "Richter", "Sousa", "Lewis", "Horvat", "Watanabe", "O'Brien", "Young", "Dimitrov",
  "Hall", "Jovanovic", "Allen", "Mendes", "King", "Virtanen", "Wright",
];
// The long tail: made-up names, handles and company domains of two to four of these.
const SYLLABLES = [
  "ka", "lo", "ren", "vi", "dra", "mo", "sa", "tor", "el", "na", "bri", "quin", "ze", "ul", "fa", "gor", "pe", "ris",
  "ta", "mi", "ov", "an", "shu", "yel", "dor", "ki", "bel", "ra", "no", "ste",
];
const MAIL_PROVIDERS = ["gmail.com", "outlook.com", "yahoo.com", "hotmail.com", "icloud.com", "proton.me", "gmx.de", "qq.com", "web.de", "yandex.ru"];

/** SQL for one of the array parameter `list`, any equally often. */
const anyOf = (list: string) => `(${list}::text[])[1 + floor(random() * cardinality(${list}::text[]))::int]`;
/** SQL for one of the array parameter `list`, the first entries most often. */
const common = (list: string) => `(${list}::text[])[1 + floor(cardinality(${list}::text[]) * power(random(), 1.5))::int]`;
const syllable = anyOf("$3");
const year = "(1970 + floor(random() * 40))::int";

// Everyone, in one statement so that a login or e-mail taken is told apart by a number, as GitHub and mail
// providers do ("jsmith-2", "john.smith.2@…"): 85% of first names and 35% of surnames from the lists, the rest
// made up; 8% without a display name (GitHub's is optional: the list shows the login), some with a middle initial;
// 0.1% staff (admin, sales, support), 2% disabled, every one signed in within 400 days.
const PEOPLE_SQL = `
  INSERT INTO users (github_id, github_login, email, email_verified, name, avatar_url, staff_role, last_sign_in_at,
                     disabled_at, created_at)
  WITH person AS (
    SELECT g,
           CASE WHEN random() < 0.85 THEN ${common("$1")} ELSE initcap(${syllable} || ${syllable}) END AS first,
           CASE WHEN random() < 0.35 THEN ${common("$2")} ELSE initcap(${syllable} || ${syllable} || ${syllable}) END AS last,
           random() AS name_dice, random() AS login_dice, random() AS mail_dice, random() AS role_dice,
           random() AS disabled_dice, now() - power(random(), 2) * interval '400 days' AS signed_in
    FROM generate_series(1, $5::int) g
  ), folded AS (
    SELECT *, regexp_replace(translate(lower(first), 'äöüéáíóñ', 'aoueaion'), '[^a-z0-9]', '', 'g') AS f,
              regexp_replace(translate(lower(last), 'äöüéáíóñ', 'aoueaion'), '[^a-z0-9]', '', 'g') AS l
    FROM person
  ), handle AS (
    SELECT *,
           CASE WHEN login_dice < 0.30 THEN f || l WHEN login_dice < 0.50 THEN left(f, 1) || l
                WHEN login_dice < 0.65 THEN f || '-' || l WHEN login_dice < 0.80 THEN f || ${year}
                WHEN login_dice < 0.90 THEN l || left(f, 1)
                ELSE ${syllable} || ${syllable} || ${syllable} || ${syllable} END AS login,
           CASE WHEN random() < 0.7 THEN ${common("$4")}
                ELSE ${syllable} || ${syllable} || (ARRAY['.com', '.io', '.dev', '.de', '.co.uk'])[1 + floor(random() * 5)::int] END AS domain
    FROM folded
  ), mailbox AS (
    SELECT *,
           CASE WHEN mail_dice < 0.35 THEN f || '.' || l WHEN mail_dice < 0.50 THEN f || l WHEN mail_dice < 0.65 THEN left(f, 1) || l
                WHEN mail_dice < 0.70 THEN f || '_' || l WHEN mail_dice < 0.85 THEN f || ${year} ELSE login END AS local_part
    FROM handle
  ), numbered AS (
    SELECT *, row_number() OVER (PARTITION BY login ORDER BY g) AS login_n,
              row_number() OVER (PARTITION BY local_part, domain ORDER BY g) AS mail_n
    FROM mailbox
  )
  SELECT 10000 + 37 * g,
         login || CASE WHEN login_n > 1 THEN '-' || login_n ELSE '' END,
         local_part || CASE WHEN mail_n > 1 THEN '.' || mail_n ELSE '' END || '@' || domain,
         signed_in,
         CASE WHEN name_dice < 0.08 THEN NULL
              WHEN name_dice < 0.13 THEN first || ' ' || upper(left(${syllable}, 1)) || '. ' || last
              ELSE first || ' ' || last END,
         'https://avatars.githubusercontent.com/u/' || (10000 + 37 * g) || '?v=4',
         (CASE WHEN role_dice < 0.0002 THEN 'admin' WHEN role_dice < 0.0007 THEN 'sales' WHEN role_dice < 0.001 THEN 'support' END)::staff_role,
         signed_in,
         CASE WHEN disabled_dice < 0.02 THEN signed_in + random() * (now() - signed_in) END,
         signed_in - random() * interval '4 years'
  FROM numbered`;

const TENANTS_SQL = `
  INSERT INTO tenants (slug, name, status, plan)
  SELECT lower(word) || '-' || g, word || ' ' || (ARRAY['Inc', 'GmbH', 'Ltd', 'Labs', 'AG', 'SA', 'BV', 'Oy'])[1 + floor(random() * 8)::int],
         'active', (ARRAY['free', 'starter', 'pro', 'enterprise'])[1 + floor(random() * 4)::int]::tenant_plan
  FROM (SELECT g, initcap(${anyOf("$2")} || ${anyOf("$2")}) AS word FROM generate_series(1, $1::int) g) named`;

// A third of the people are in 1–5 tenants (mostly one), as owner (15%), member or viewer: distinct tenants, as
// (pick + j·7919) mod 2,000 differ for j ≤ 5.
const MEMBERSHIPS_SQL = `
  INSERT INTO memberships (tenant_id, user_id, role)
  SELECT t.ids[1 + (u.pick + j * 7919) % cardinality(t.ids)], u.id,
         (CASE WHEN random() < 0.15 THEN 'owner' WHEN random() < 0.7 THEN 'member' ELSE 'viewer' END)::member_role
  FROM (SELECT id, floor(random() * 1e9)::int AS pick, 1 + floor(5 * power(random(), 3))::int AS how_many FROM users WHERE random() < 0.33) u,
       (SELECT array_agg(id ORDER BY slug) AS ids FROM tenants) t,
       generate_series(1, u.how_many) j`;

/** The text a search looks in: the trigram index's expression (migration people_and_tokens), as listPeople reads it. */
const SEARCH_TEXT = "lower(coalesce(name, '') || ' ' || coalesce(github_login, '') || ' ' || coalesce(email, ''))";

const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;
const count = (n: number) => n.toLocaleString("en-US");

interface Loaded {
  staff: number;
  support: number;
  disabled: number;
}

/** Loads the people, tenants and memberships into the migrated database at `url`; what it loaded. */
async function load(url: string): Promise<Loaded> {
  console.log(`loading ${count(PEOPLE)} people, ${count(TENANTS)} tenants and their memberships…`);
  const started = performance.now();
  return withClient(url, async (client) => {
    await client.query("SELECT setseed(0.1101)"); // the same people every run, on this one connection
    await client.query(PEOPLE_SQL, [FIRST_NAMES, SURNAMES, SYLLABLES, MAIL_PROVIDERS, PEOPLE]);
    console.log(`  people (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    await client.query(TENANTS_SQL, [TENANTS, SYLLABLES]);
    await client.query(MEMBERSHIPS_SQL);
    // as tables in steady state are: vacuumed (hint bits set, visibility map built) and analyzed
    await client.query("VACUUM (ANALYZE) users, tenants, memberships");
    const seconds = (performance.now() - started) / 1000;
    const { rows: [loaded] } = await client.query<Loaded & { members: number; memberships: number }>(`
      SELECT count(*) FILTER (WHERE staff_role IS NOT NULL)::int AS staff, count(*) FILTER (WHERE staff_role = 'support')::int AS support,
             count(*) FILTER (WHERE disabled_at IS NOT NULL)::int AS disabled,
             (SELECT count(DISTINCT user_id)::int FROM memberships) AS members, (SELECT count(*)::int FROM memberships) AS memberships
      FROM users`);
    console.log(`loaded, vacuumed and analyzed in ${seconds.toFixed(1)} s: ${count(loaded.staff)} staff, ${count(loaded.disabled)} disabled, ` +
      `${count(loaded.members)} in ${count(loaded.memberships)} memberships`);
    return loaded;
  });
}

/** The pages with a target of their own (FIRST_AND_DEEP_TARGET_MS). */
type PageKind = "first" | "deep";

/** Times listPeople for each case; prints the table and the last line. */
async function timePages(loaded: Loaded): Promise<void> {
  const { db } = await import("../lib/db/client");
  const { listPeople, PEOPLE_PAGE_SIZE } = await import("../lib/domain/people/queries");
  try {
    const reader: Principal = { type: "user", staffRole: "support", memberships: [] };
    const params = (patch: Partial<PeopleListParams>): PeopleListParams => ({ q: "", staff: null, status: null, cursor: null, ...patch });
    const searchMatching = async (text: string) =>
      (await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM users WHERE ${SEARCH_TEXT} LIKE $1`, `%${text}%`))[0].n;

    // pages 10,000 rows deep, by the cursors the page links: Next from there, and Previous back
    let page = (await listPeople(reader, params({})))!;
    for (let i = 1; i < DEEP_PAGES; i++) page = (await listPeople(reader, params({ cursor: page.next!.cursor })))!;
    const deepNext = page.next!.cursor;
    const deepPrevious = (await listPeople(reader, params({ cursor: deepNext })))!.previous!.cursor!;

    // a login one person has: letters only (a name and a made-up surname, or a handle), in nobody else's name, login or e-mail
    const [{ login: rareLogin }] = await db.$queryRawUnsafe<{ login: string }[]>(`
      SELECT candidate.github_login AS login
      FROM (SELECT github_login FROM users WHERE github_login ~ '^[a-z]{10,}$' ORDER BY github_id LIMIT 100) candidate
      WHERE (SELECT count(*) FROM users WHERE ${SEARCH_TEXT} LIKE '%' || candidate.github_login || '%') = 1
      LIMIT 1`);

    const deepRows = count(DEEP_PAGES * PEOPLE_PAGE_SIZE);
    const cases: { name: string; patch: Partial<PeopleListParams>; matches: number; kind?: PageKind }[] = [
      { name: "first page", patch: {}, matches: PEOPLE, kind: "first" },
      { name: `${deepRows} rows deep (Next)`, patch: { cursor: deepNext }, matches: PEOPLE, kind: "deep" },
      { name: `${deepRows} rows deep, back (Previous)`, patch: { cursor: deepPrevious }, matches: PEOPLE, kind: "deep" },
      { name: "staff role: any", patch: { staff: "staff" }, matches: loaded.staff },
      { name: "staff role: support", patch: { staff: "support" }, matches: loaded.support },
      { name: "disabled", patch: { status: "disabled" }, matches: loaded.disabled },
      ...await Promise.all([
        ["search, text most people match", ".com"],
        ["search, a rare login", rareLogin],
        ["search, the most common surname", "smith"],
        // all of them sort together ("David …"), far from the first page: the in-order read finds none
        ["search, the most common first name", "david"],
        // as in "Nguyen": no trigram, so every name is read; 0 to 7,000 matches cost the same
        ["search, two letters", "uy"],
      ].map(async ([name, q]) => ({ name: `${name} ('${q}')`, patch: { q }, matches: await searchMatching(q) }))),
    ];

    console.log(`\nserver time of listPeople, one page of 50 (${RUNS} runs each)   people matching   p50 / p95`);
    const results: { name: string; kind?: PageKind; timing: Timing; target: number }[] = [];
    for (const { name, patch, matches, kind } of cases) {
      const listed = await listPeople(reader, params(patch));
      const expected = Math.min(PEOPLE_PAGE_SIZE, matches);
      if (listed?.people.length !== expected) throw new Error(`${name}: ${listed?.people.length} people listed, not ${expected}`);
      const timing = await time(() => listPeople(reader, params(patch)));
      results.push({ name, kind, timing, target: kind ? FIRST_AND_DEEP_TARGET_MS : PAGE_TARGET_MS });
      console.log(`  ${name.padEnd(55)} ${count(matches).padStart(15)}   ${ms(timing.p50)} / ${ms(timing.p95)}`);
    }

    const missed = results.filter((r) => r.timing.p95 >= r.target);
    console.log(`\ntargets (p95): every page under ${count(PAGE_TARGET_MS)} ms, the first page and deep pages under ${FIRST_AND_DEEP_TARGET_MS} ms: ` +
      (missed.length ? `missed by ${missed.map((r) => `${r.name} (${ms(r.timing.p95)})`).join(", ")}` : "met"));
    const worstP95 = (rows: typeof results) => Math.max(...rows.map((r) => r.timing.p95)).toFixed(2);
    const of = (kind: PageKind) => results.filter((r) => r.kind === kind);
    console.log(`worst_p95_ms=${worstP95(results)} first_page_p95_ms=${worstP95(of("first"))} deep_page_p95_ms=${worstP95(of("deep"))}`);
  } finally {
    await db.$disconnect();
  }
}

runBench(async (bench) => {
  const database = await bench.database();
  await new Migrator(database.url).up();
  const loaded = await load(database.url);
  process.env.DATABASE_URL = database.url; // lib/db/client, behind listPeople, reads it on first use
  await timePages(loaded);
});

