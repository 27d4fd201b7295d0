// Which of the two modes (DESIGN.md, "Two modes") a process runs in. `npm start` decides once, from the
// environment it was given, and hands its children GATEHOUSE_LOCAL_DEMO=1 exactly when it runs the local demo;
// the e2e server does the same. Everything that exists only for the demo (the local identity provider, demo
// identities, generated secrets, seeding) asks here.

/** Whether this process runs in local demo mode. */
export function isLocalDemo(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.GATEHOUSE_LOCAL_DEMO === "1";
}
