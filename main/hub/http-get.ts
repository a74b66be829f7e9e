import http, { type IncomingHttpHeaders, type IncomingMessage } from "node:http";
import https from "node:https";
import { followRedirects, type RedirectOptions } from "./redirects";

export interface HttpGetOptions extends RedirectOptions {
  signal?: AbortSignal;
}

export interface HttpResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** The body stream; read it or destroy it. */
  body: IncomingMessage;
  /** Where the response came from, after redirects. */
  url: URL;
}

const agents = {
  "http:": new http.Agent({ keepAlive: true }),
  "https:": new https.Agent({ keepAlive: true }),
};

/** GET through node:http, following redirects: for the hub's API answers (file bodies use `downloadGet`). */
export async function httpGet(url: URL, options: HttpGetOptions = {}): Promise<HttpResponse> {
  const { response, url: answeredBy } = await followRedirects(url, options, async (current, headers) => {
    const body = await request(current, headers, options.signal);
    const location = body.headers.location;
    return { status: body.statusCode ?? 0, location, body, discard: () => void body.resume() };
  });
  return { status: response.status, headers: response.body.headers, body: response.body, url: answeredBy };
}

function request(url: URL, headers: Record<string, string>, signal: AbortSignal | undefined): Promise<IncomingMessage> {
  const protocol = url.protocol === "https:" ? "https:" : "http:";
  const client = protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const outgoing = client.get(url, { headers, agent: agents[protocol], signal }, resolve);
    outgoing.once("error", reject);
  });
}
