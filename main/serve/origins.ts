import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1"]);
const WILDCARD = new Set(["0.0.0.0", "::"]);

export function hostForUrl(host: string): string {
  return isIP(host) === 6 ? `[${host}]` : host;
}

/** The address to print: a wildcard bind is reached through loopback on this machine. */
export function publicHost(bindHost: string): string {
  return WILDCARD.has(bindHost) ? "127.0.0.1" : bindHost;
}

/**
 * Whether a WebSocket upgrade comes from a page this server served: its Origin must be
 * this server's own origin. A loopback server answers to each loopback name; a server
 * bound to every interface accepts the origin the browser used to reach it.
 */
export function originAllowed(request: IncomingMessage, bindHost: string, port: number): boolean {
  const origin = request.headers.origin;
  if (typeof origin !== "string") return false;
  const names = LOOPBACK.has(bindHost) ? [...LOOPBACK] : [bindHost];
  const own = names.map((name) => `http://${hostForUrl(name)}:${port}`);
  if (own.includes(origin)) return true;
  const requestedHost = request.headers.host;
  return WILDCARD.has(bindHost) && typeof requestedHost === "string" && origin === `http://${requestedHost}`;
}
