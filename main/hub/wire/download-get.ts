import { followRedirects, type RedirectOptions } from "../redirects";
import { DownloadSocket, type BodySink } from "./download-socket";

export interface DownloadGetOptions extends RedirectOptions {
  signal?: AbortSignal;
}

export interface DownloadResponse {
  status: number;
  headers: ReadonlyMap<string, string>;
  /** Where the response came from, after redirects. */
  url: URL;
  /** Streams the body into a sink; see DownloadSocket.pipe. */
  pipe(sink: BodySink): Promise<void>;
  /** Drops the body and closes the connection. Call this or `pipe`. */
  discard(): void;
}

/** GET for file bodies, following redirects, each hop on a DownloadSocket. */
export async function downloadGet(url: URL, options: DownloadGetOptions = {}): Promise<DownloadResponse> {
  const { response, url: answeredBy } = await followRedirects(url, options, async (current, headers) => {
    const socket = new DownloadSocket(current, headers, options.signal);
    const head = await socket.response();
    return {
      status: head.status,
      location: head.headers.get("location"),
      headers: head.headers,
      pipe: (sink: BodySink) => socket.pipe(sink),
      discard: () => socket.discard(),
    };
  });
  return { ...response, url: answeredBy };
}
