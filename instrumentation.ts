// Runs once when a Next server starts, before it serves a request. Node-only work lives in its own module
// so the Edge build never sees it.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const node = await import("./instrumentation.node");
    await node.checkEnvironment();
    await node.reportBootstrapAdmins();
  }
}
