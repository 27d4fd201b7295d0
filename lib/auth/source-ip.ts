// The client's address for sessions and audit rows, read as TRUSTED_PROXY_HOPS and TRUSTED_PROXY_HEADER say
// (lib/trusted-proxy.ts, shared with the gateway).
//
// Next gives server components no TCP peer address. `next start` passes on the X-Forwarded-For a client sent, as
// it came: it fills the header in from the socket only when a request has none (`??=` in base-server.js), so its
// last entry may be the client's own say. The console therefore runs in scripts/console-server.ts, which writes
// the peer's address into PEER_HEADER over whatever a client sent there, and names that header in
// GATEHOUSE_PEER_HEADER in its own environment. Without that (a bare `next start`) the peer is unknown: trusting
// no proxy, the address is then null, never a header's claim.
import type { IncomingMessage } from "node:http";
import { clientAddressOf, trustedProxyFrom, type TrustedProxy } from "@/lib/trusted-proxy";

export const PEER_HEADER = "x-gatehouse-peer";

/** What the console's server does to each request before Next sees it. */
export function handPeerToNext(req: IncomingMessage): void {
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
}

let configured: TrustedProxy | undefined;

/** An IP address (the columns are inet) or null: a made-up header never fails the request. */
export function sourceIpOf(headers: Headers, trust: TrustedProxy = (configured ??= trustedProxyFrom(process.env))): string | null {
  const peerHeader = process.env.GATEHOUSE_PEER_HEADER;
  return clientAddressOf(peerHeader ? headers.get(peerHeader) : null, headers.get(trust.header), trust);
}
