import { createReadStream } from "node:fs";
import { gzipSync } from "node:zlib";
import type { ServerResponse } from "node:http";
import { pipeline } from "node:stream/promises";
import type { DataFaultPlan } from "./faults";

export interface BodySource {
  /** The file on disk; undefined for a virtual file (zeros). */
  diskPath: string | undefined;
  /** First and last byte to send, inclusive. */
  start: number;
  end: number;
}

export interface SendOptions {
  fault: DataFaultPlan | undefined;
  /** Bytes per second per response; 0 is unlimited. */
  bytesPerSecond: () => number;
}

const ZEROS = Buffer.alloc(64 * 1024);

/** Streams a byte range to the client, misbehaving as the fault plan says. */
export async function sendBody(response: ServerResponse, source: BodySource, options: SendOptions): Promise<void> {
  const { fault } = options;
  if (!fault && options.bytesPerSecond() === 0 && source.diskPath !== undefined) {
    const file = createReadStream(source.diskPath, { start: source.start, end: source.end, highWaterMark: 1 << 20 });
    await pipeline(file, response).catch(() => undefined);
    return;
  }
  const startedAt = Date.now();
  let sent = 0;
  for await (const original of chunks(source, options.bytesPerSecond() > 0 ? 16 * 1024 : 1 << 20)) {
    if (response.destroyed) return;
    let chunk = original;
    if (fault?.kind === "drop" || fault?.kind === "stall") {
      if (sent + chunk.length > fault.afterBytes) {
        await write(response, chunk.subarray(0, fault.afterBytes - sent));
        if (fault.kind === "drop") response.socket?.destroy();
        // A stall keeps the connection open and silent until the client gives up (or the hub closes).
        else await new Promise((resolve) => response.once("close", resolve));
        return;
      }
    }
    if (fault?.kind === "corrupt" && fault.atByte >= sent && fault.atByte < sent + chunk.length) {
      chunk = Buffer.from(chunk);
      chunk[fault.atByte - sent] = (chunk[fault.atByte - sent] ?? 0) ^ 0xff;
    }
    await write(response, chunk);
    sent += chunk.length;
    await throttle(sent, startedAt, options.bytesPerSecond());
  }
  if (fault?.kind === "wrong-size") await write(response, Buffer.alloc(fault.extraBytes, 0x5a));
  response.end();
}

async function* chunks(source: BodySource, size: number): AsyncGenerator<Buffer> {
  if (source.diskPath === undefined) {
    for (let left = source.end - source.start + 1; left > 0; ) {
      const length = Math.min(size, left, ZEROS.length);
      yield ZEROS.subarray(0, length);
      left -= length;
    }
    return;
  }
  const file = createReadStream(source.diskPath, { start: source.start, end: source.end, highWaterMark: size });
  for await (const chunk of file) yield chunk as Buffer;
}

function write(response: ServerResponse, chunk: Buffer): Promise<void> {
  if (response.destroyed) return Promise.resolve();
  if (response.write(chunk)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      response.off("drain", done);
      response.off("close", done);
      resolve();
    };
    response.once("drain", done).once("close", done);
  });
}

async function throttle(sent: number, startedAt: number, bytesPerSecond: number): Promise<void> {
  if (bytesPerSecond <= 0) return;
  const due = startedAt + (sent / bytesPerSecond) * 1000;
  const wait = due - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}

/** The range gzipped, with headers saying so: what a proxy that ignores Accept-Encoding sends. */
export async function sendGzipped(response: ServerResponse, source: BodySource): Promise<void> {
  const parts: Buffer[] = [];
  for await (const chunk of chunks(source, 1 << 20)) parts.push(Buffer.from(chunk));
  const body = gzipSync(Buffer.concat(parts));
  response.setHeader("Content-Encoding", "gzip");
  response.setHeader("Content-Length", body.length);
  response.end(body);
}
