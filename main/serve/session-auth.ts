import { randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { TOKEN_PARAM } from "../../shared/wire";

/** The serve-mode session secret: in the printed URL, then in an HttpOnly cookie for asset requests. */
export class SessionAuth {
  readonly token = randomBytes(32).toString("base64url");
  /** Cookies ignore ports, so two servers on one machine need different names. */
  readonly cookieName: string;

  constructor(port: number) {
    this.cookieName = `atelier_session_${port}`;
  }

  /** The token from the URL's query. */
  queryTokenValid(url: URL): boolean {
    return this.matches(url.searchParams.get(TOKEN_PARAM));
  }

  cookieValid(request: IncomingMessage): boolean {
    return this.matches(readCookie(request.headers.cookie, this.cookieName));
  }

  /** Set once the page was opened with the token, so its scripts and styles load without it. */
  cookieHeader(): string {
    return `${this.cookieName}=${this.token}; HttpOnly; SameSite=Strict; Path=/`;
  }

  private matches(candidate: string | null | undefined): boolean {
    if (!candidate) return false;
    const given = Buffer.from(candidate);
    const expected = Buffer.from(this.token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const separator = part.indexOf("=");
    if (separator < 0) continue;
    if (part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim();
  }
  return undefined;
}
