import { databaseIsReachable } from "@/lib/db/client";

export const dynamic = "force-dynamic";

/** Liveness and database reachability, for start-up scripts and load balancers. */
export async function GET() {
  return (await databaseIsReachable())
    ? Response.json({ ok: true })
    : Response.json({ ok: false, error: "database unreachable" }, { status: 503 });
}
