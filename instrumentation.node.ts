export async function checkEnvironment() {
  try {
    await import("./lib/env");
  } catch {
    // lib/env.ts has printed which variables are missing or malformed; serving 500s instead helps no one.
    console.error("gatehouse: the environment is incomplete (see above); stopping.");
    process.exit(1);
  }
}
