import { TransientError } from "../hub-errors";

export interface ResponseHead {
  status: number;
  /** Lower-case names; a repeated header's values joined with ", ". */
  headers: ReadonlyMap<string, string>;
  /** Bytes the head takes, blank line included: the body starts there. */
  length: number;
}

export const MAX_HEAD_BYTES = 64 * 1024;
const BLANK_LINE = Buffer.from("\r\n\r\n");
const STATUS_LINE = /^HTTP\/1\.[01] ([1-5]\d\d)(?: [^\r\n]*)?$/;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Parses the HTTP/1.1 response head at the start of `bytes`; undefined until its blank line has
 * arrived. A server that answers something else is worth a retry (a proxy or CDN hiccup), so the
 * error is a TransientError.
 */
export function parseResponseHead(bytes: Buffer): ResponseHead | undefined {
  const end = bytes.indexOf(BLANK_LINE);
  if (end < 0 || end > MAX_HEAD_BYTES) {
    if (bytes.length > MAX_HEAD_BYTES) throw new TransientError(`the server's response head is larger than ${MAX_HEAD_BYTES} bytes`);
    return undefined;
  }
  const [statusLine = "", ...lines] = bytes.toString("latin1", 0, end).split("\r\n");
  const status = STATUS_LINE.exec(statusLine)?.[1];
  if (status === undefined) throw new TransientError(`the server did not answer HTTP/1.1 (${JSON.stringify(statusLine.slice(0, 60))})`);
  const headers = new Map<string, string>();
  for (const line of lines) {
    const colon = line.indexOf(":");
    const name = line.slice(0, Math.max(colon, 0));
    if (!HEADER_NAME.test(name)) throw new TransientError(`the server sent a malformed header line (${JSON.stringify(line.slice(0, 60))})`);
    const key = name.toLowerCase();
    const value = line.slice(colon + 1).trim();
    const earlier = headers.get(key);
    headers.set(key, earlier === undefined ? value : `${earlier}, ${value}`);
  }
  return { status: Number(status), headers, length: end + BLANK_LINE.length };
}
