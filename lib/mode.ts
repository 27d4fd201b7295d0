// Which of the two modes (DESIGN.md, "Two modes") a process runs in. `npm start` decides once, from the
// environment it was given, and hands its children GATEHOUSE_LOCAL_DEMO=1 exactly when it runs the local demo;
// the e2e server does the same. Everything that exists only for the demo (the local identity provider, demo
// identities, generated secrets, seeding) asks here.

/** Environment variables as given, like process.env (whose type Next's declarations make require NODE_ENV). */
type Environment = Readonly<Record<string, string | undefined>>;

/** Whether this process runs in local demo mode. */
export function isLocalDemo(env: Environment = process.env): boolean {
  return env.GATEHOUSE_LOCAL_DEMO === "1";
}

export type ModeDecision =
  | { localDemo: boolean; reason: string }
  /** The environment contradicts itself: start nothing. */
  | { refused: string };

/**
 * The mode `npm start` and `npm run db -- seed` run in, from the environment they were given (before the
 * embedded database sets DATABASE_URL). An empty variable counts as unset.
 * - GATEHOUSE_LOCAL_DEMO=1 asks for the local demo, on the embedded database or a DATABASE_URL server (a
 *   demo box); refused beside NODE_ENV=production or a GITHUB_ID, which both say that real people sign in.
 * - Without it, DATABASE_URL, NODE_ENV=production or a GITHUB_ID make a deployment.
 * - With none of them (a fresh clone), the local demo.
 */
export function decideMode(env: Environment): ModeDecision {
  const flag = env.GATEHOUSE_LOCAL_DEMO || undefined;
  const production = env.NODE_ENV === "production";
  const githubApp = Boolean(env.GITHUB_ID);
  if (flag !== undefined && flag !== "1") return { refused: `GATEHOUSE_LOCAL_DEMO must be 1 (run the local demo) or unset, not "${flag}".` };
  if (flag) {
    if (production) return { refused: "GATEHOUSE_LOCAL_DEMO=1 is refused beside NODE_ENV=production: production never runs the demo's identity provider, generated secrets or seed." };
    if (githubApp) return { refused: "GATEHOUSE_LOCAL_DEMO=1 is refused beside GITHUB_ID: the demo signs in through its local identity provider, and real GitHub accounts never sign in to a demo." };
    return { localDemo: true, reason: "GATEHOUSE_LOCAL_DEMO=1" };
  }
  if (env.DATABASE_URL) return { localDemo: false, reason: "DATABASE_URL is set" };
  if (production) return { localDemo: false, reason: "NODE_ENV=production" };
  if (githubApp) return { localDemo: false, reason: "GITHUB_ID is set" };
  return { localDemo: true, reason: "the embedded database and no GITHUB_ID" };
}
