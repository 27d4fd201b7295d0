import "server-only";
import { headers } from "next/headers";
import type { Actor } from "./principal";
import { sourceIpOf } from "./source-ip";

/** Where the request being served comes from, as sessions and audit rows record it. */
export type RequestOrigin = Pick<Actor, "sourceIp" | "userAgent">;

/**
 * The origin of the request being served: a page's, a server action's, or NextAuth's route handler, whose callbacks
 * and adapter calls run inside it.
 */
export async function requestOrigin(): Promise<RequestOrigin> {
  const requestHeaders = await headers();
  return { sourceIp: sourceIpOf(requestHeaders), userAgent: requestHeaders.get("user-agent") };
}
