// Reading and answering requests for the local GitHub stand-in, with GitHub's own error messages.
import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";

const MAX_BODY_BYTES = 64 * 1024;

export type Params = Record<string, string>;

/** Thrown by a handler; answered as GitHub would, with the status and `{ message }`. */
export class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** The form or JSON body's string fields. */
export async function readParams(req: IncomingMessage): Promise<Params> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, "Request body too large");
    chunks.push(chunk);
  }
  const body = Buffer.concat(chunks).toString("utf8");
  if (!(req.headers["content-type"] ?? "").includes("json")) return Object.fromEntries(new URLSearchParams(body));
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new HttpError(400, "Problems parsing JSON");
  }
  if (typeof parsed !== "object" || parsed === null) throw new HttpError(400, "Body should be a JSON object");
  return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

export function sendHtml(res: ServerResponse, html: string): void {
  res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" }).end(html);
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8" }).end(text);
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" })
    .end(JSON.stringify(body));
}

/** The console's own icon (app/favicon.ico), so the stand-in's tab looks like the demo it belongs to, not a 404. */
const FAVICON = readFileSync(new URL("../app/favicon.ico", import.meta.url));

export function sendFavicon(res: ServerResponse): void {
  res.writeHead(200, { "content-type": "image/x-icon", "cache-control": "public, max-age=86400" }).end(FAVICON);
}
