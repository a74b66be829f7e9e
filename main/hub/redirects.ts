export interface RedirectOptions {
  headers?: Record<string, string>;
  /** A bearer token for the first URL's origin only: a redirect to another host (a CDN) never sees it. */
  token?: string;
  maxRedirects?: number;
}

/** One answer, as far as following redirects needs it. */
export interface Hop {
  status: number;
  location: string | undefined;
  /** Drops the answer's body and connection. */
  discard(): void;
}

export class TooManyRedirectsError extends Error {}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * Sends a GET through `send` and follows redirects (relative ones too) without leaking the token
 * to other origins or to plain HTTP. Answers the first response that is not a redirect, and its URL.
 */
export async function followRedirects<R extends Hop>(
  url: URL,
  options: RedirectOptions,
  send: (url: URL, headers: Record<string, string>) => Promise<R>,
): Promise<{ response: R; url: URL }> {
  const origin = url.origin;
  const maxRedirects = options.maxRedirects ?? 10;
  let current = url;
  for (let hop = 0; ; hop++) {
    const sendToken = options.token !== undefined && current.origin === origin;
    const headers = { ...options.headers, ...(sendToken ? { Authorization: `Bearer ${options.token}` } : {}) };
    const response = await send(current, headers);
    if (!REDIRECTS.has(response.status) || response.location === undefined) return { response, url: current };
    response.discard();
    if (hop >= maxRedirects) throw new TooManyRedirectsError(`more than ${maxRedirects} redirects`);
    const next = new URL(response.location, current);
    if (next.protocol !== "http:" && next.protocol !== "https:") throw new Error(`redirect to unsupported ${next.protocol}`);
    if (current.protocol === "https:" && next.protocol === "http:") throw new Error("refused a redirect from HTTPS to plain HTTP");
    current = next;
  }
}
