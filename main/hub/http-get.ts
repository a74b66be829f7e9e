import http, { type IncomingHttpHeaders, type IncomingMessage } from "node:http";
import https from "node:https";

export interface HttpGetOptions {
  headers?: Record<string, string>;
  /** A bearer token for the first URL's origin only: a redirect to another host (a CDN) never sees it. */
  token?: string;
  signal?: AbortSignal;
  maxRedirects?: number;
}

export interface HttpResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** The body stream; read it or destroy it. */
  body: IncomingMessage;
  /** Where the response came from, after redirects. */
  url: URL;
}

export class TooManyRedirectsError extends Error {}

const agents = {
  "http:": new http.Agent({ keepAlive: true }),
  "https:": new https.Agent({ keepAlive: true }),
};
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** GET following redirects (relative ones too) without leaking the token to other origins or to plain HTTP. */
export async function httpGet(url: URL, options: HttpGetOptions = {}): Promise<HttpResponse> {
  const origin = url.origin;
  let current = url;
  for (let hop = 0; ; hop++) {
    const sendToken = options.token !== undefined && current.origin === origin;
    const headers = { ...options.headers, ...(sendToken ? { Authorization: `Bearer ${options.token}` } : {}) };
    const body = await request(current, headers, options.signal);
    const status = body.statusCode ?? 0;
    const location = body.headers.location;
    if (!REDIRECTS.has(status) || location === undefined) return { status, headers: body.headers, body, url: current };
    body.resume();
    if (hop >= (options.maxRedirects ?? 10)) throw new TooManyRedirectsError(`more than ${options.maxRedirects ?? 10} redirects`);
    const next = new URL(location, current);
    if (next.protocol !== "http:" && next.protocol !== "https:") throw new Error(`redirect to unsupported ${next.protocol}`);
    if (current.protocol === "https:" && next.protocol === "http:") throw new Error("refused a redirect from HTTPS to plain HTTP");
    current = next;
  }
}

function request(url: URL, headers: Record<string, string>, signal: AbortSignal | undefined): Promise<IncomingMessage> {
  const protocol = url.protocol === "https:" ? "https:" : "http:";
  const client = protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const outgoing = client.get(url, { headers, agent: agents[protocol], signal }, resolve);
    outgoing.once("error", reject);
  });
}
