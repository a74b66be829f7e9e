import { TransientError } from "../hub-errors";
import type { ResponseHead } from "./response-head";

/**
 * Where a response body ends (RFC 9112 §6.3). `take` looks at newly read bytes `buffer[start, end)`,
 * moves the body bytes among them to `buffer[start, start + n)` and returns n.
 */
export interface BodyFraming {
  take(buffer: Buffer, start: number, end: number): number;
  /** The whole body has been taken. */
  readonly done: boolean;
  /** The body ends when the server closes the connection. */
  readonly closeDelimited: boolean;
}

export function framingFor(head: ResponseHead): BodyFraming {
  if (head.status === 204 || head.status === 304) return new LengthFraming(0);
  const coding = head.headers.get("transfer-encoding");
  if (coding !== undefined) {
    const last = coding.split(",").at(-1)?.trim().toLowerCase();
    return last === "chunked" ? new ChunkedFraming() : new CloseFraming();
  }
  const length = head.headers.get("content-length");
  if (length === undefined) return new CloseFraming();
  const values = new Set(length.split(",").map((value) => value.trim()));
  const [only] = values;
  if (values.size !== 1 || only === undefined || !/^\d{1,15}$/.test(only)) {
    throw new TransientError(`the server sent an invalid Content-Length (${JSON.stringify(length.slice(0, 40))})`);
  }
  return new LengthFraming(Number(only));
}

class LengthFraming implements BodyFraming {
  readonly closeDelimited = false;
  constructor(private remaining: number) {}
  get done(): boolean {
    return this.remaining === 0;
  }
  take(_buffer: Buffer, start: number, end: number): number {
    const count = Math.min(end - start, this.remaining);
    this.remaining -= count;
    return count;
  }
}

class CloseFraming implements BodyFraming {
  readonly closeDelimited = true;
  readonly done = false;
  take(_buffer: Buffer, start: number, end: number): number {
    return end - start;
  }
}

const MAX_LINE = 4096;
const CHUNK_SIZE_LINE = /^([0-9a-fA-F]{1,13})[ \t]*(?:;.*)?$/;

/** Chunked transfer coding: size lines and chunk ends are cut out of the buffer in place. */
export class ChunkedFraming implements BodyFraming {
  readonly closeDelimited = false;
  private state: "size" | "data" | "data-end" | "trailers" | "done" = "size";
  private line = "";
  private left = 0;

  get done(): boolean {
    return this.state === "done";
  }

  take(buffer: Buffer, start: number, end: number): number {
    let out = start;
    let at = start;
    while (at < end && this.state !== "done") {
      if (this.state === "data") {
        const count = Math.min(this.left, end - at);
        if (out !== at) buffer.copyWithin(out, at, at + count);
        out += count;
        at += count;
        this.left -= count;
        if (this.left === 0) this.state = "data-end";
        continue;
      }
      const newline = buffer.indexOf(0x0a, at);
      const lineEnd = newline < 0 || newline >= end ? end : newline;
      this.line += buffer.toString("latin1", at, lineEnd);
      at = lineEnd;
      if (this.line.length > MAX_LINE) throw new TransientError("the server sent a chunk header line that is too long");
      if (lineEnd === end) break;
      at += 1;
      this.endLine(this.line.endsWith("\r") ? this.line.slice(0, -1) : this.line);
      this.line = "";
    }
    return out - start;
  }

  private endLine(line: string): void {
    if (this.state === "size") {
      const size = CHUNK_SIZE_LINE.exec(line)?.[1];
      if (size === undefined) throw new TransientError(`the server sent a malformed chunk size (${JSON.stringify(line.slice(0, 40))})`);
      this.left = parseInt(size, 16);
      this.state = this.left === 0 ? "trailers" : "data";
    } else if (this.state === "data-end") {
      if (line !== "") throw new TransientError("the server sent a chunk longer than its size");
      this.state = "size";
    } else if (line === "") {
      this.state = "done";
    }
  }
}
