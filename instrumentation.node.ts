export async function checkEnvironment() {
  try {
    await import("./lib/env");
  } catch {
    // lib/env.ts has printed which variables are missing or malformed; serving 500s instead helps no one.
    console.error("gatehouse: the environment is incomplete (see above); stopping.");
    process.exit(1);
  }
}

/** Says once whether GATEHOUSE_BOOTSTRAP_ADMINS still matters (lib/auth/bootstrap.ts); stops the server when it is malformed. */
export async function reportBootstrapAdmins() {
  const { bootstrapAdminsNotice } = await import("./lib/auth/bootstrap");
  const notice = await bootstrapAdminsNotice().catch((error: unknown) => ({
    level: "warn" as const, message: `could not check for a platform admin: ${error instanceof Error ? error.message : error}`,
  }));
  if (!notice) return;
  console[notice.level](`gatehouse: ${notice.message}`);
  if (notice.level === "error") process.exit(1);
}
