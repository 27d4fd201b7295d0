// Who the client of a request is, when proxies may stand in front: one piece of configuration, and one reading
// of it, for the console and the gateway.
//
//   TRUSTED_PROXY_HOPS    how many proxies in front are trusted (default 0: none, the TCP peer is the client)
//   TRUSTED_PROXY_HEADER  the header they write (default X-Forwarded-For, to which each appends the address it
//                         received the request from), or a single-address header its nearest proxy sets, such as
//                         X-Real-IP (then 1 hop)
//
// With N hops the client is the Nth entry from the end: the last N proxies wrote those. Entries before it are
// whatever the client sent, and are never read.
import { isIP } from "node:net";

export interface TrustedProxy {
  /** how many proxies in front are trusted */
  hops: number;
  /** the header they write, in lower case */
  header: string;
}

export const TRUST_NONE: TrustedProxy = { hops: 0, header: "x-forwarded-for" };

/** The configuration in `env`; throws naming the variable that is malformed. */
export function trustedProxyFrom(env: Record<string, string | undefined>): TrustedProxy {
  const hops = env.TRUSTED_PROXY_HOPS || "0";
  if (!/^\d{1,2}$/.test(hops)) throw new Error(`TRUSTED_PROXY_HOPS must be how many proxies in front are trusted (0 for none), not "${hops}"`);
  const header = (env.TRUSTED_PROXY_HEADER || TRUST_NONE.header).toLowerCase();
  if (!/^[a-z0-9-]+$/.test(header)) throw new Error(`TRUSTED_PROXY_HEADER must be a header name such as X-Forwarded-For, not "${header}"`);
  return { hops: Number(hops), header };
}

/**
 * The client's address: the TCP peer's when no proxy is trusted or nothing was forwarded, else the entry that the
 * farthest trusted proxy wrote (the first entry, when fewer proxies forwarded the request than are trusted). A
 * port, brackets, an IPv6 zone and the IPv4-mapped form (::ffff:…) are taken off; null when what is left is not
 * an IP address, or when there is no peer to go by.
 */
export function clientAddressOf(peer: string | null | undefined, forwarded: string | null | undefined, trust: TrustedProxy): string | null {
  const entries = trust.hops === 0 || !forwarded ? [] : forwarded.split(",");
  const chosen = entries.length === 0 ? peer : entries[Math.max(0, entries.length - trust.hops)];
  return chosen ? addressIn(chosen) : null;
}

function addressIn(text: string): string | null {
  let address = text.trim();
  const bracketed = /^\[([^\]]*)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  address = address.replace(/%.*$/, "");
  if (/^::ffff:/i.test(address) && isIP(address.slice(7)) === 4) address = address.slice(7);
  return isIP(address) ? address : null;
}
