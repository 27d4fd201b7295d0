import { isIP } from "node:net";

/**
 * The client's address for sessions and audit rows. The last X-Forwarded-For entry is the one the nearest proxy
 * wrote (or Next itself, when the request brought none); earlier entries are whatever the client claimed.
 * Anything that is not an IP address is dropped: the columns are inet, and a made-up header must not fail the
 * request.
 */
export function sourceIpOf(headers: Headers): string | null {
  const last = headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  if (last && isIP(last)) return last;
  const real = headers.get("x-real-ip")?.trim();
  return real && isIP(real) ? real : null;
}
