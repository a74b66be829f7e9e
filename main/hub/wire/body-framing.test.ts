import { describe, expect, it } from "vitest";
import { TransientError } from "../hub-errors";
import { ChunkedFraming, framingFor, type BodyFraming } from "./body-framing";

const head = (headers: Record<string, string>, status = 200) => ({ status, headers: new Map(Object.entries(headers)), length: 0 });

/** Feeds `wire` to a framing in pieces cut at `cuts`, the way reads arrive, and collects the body. */
function feed(framing: BodyFraming, wire: Buffer, cuts: number[]): Buffer {
  const buffer = Buffer.alloc(wire.length);
  let filled = 0;
  let at = 0;
  for (const cut of [...cuts, wire.length]) {
    if (cut <= at) continue;
    wire.copy(buffer, filled, at, cut);
    filled += framing.take(buffer, filled, filled + (cut - at));
    at = cut;
    if (framing.done) break;
  }
  return buffer.subarray(0, filled);
}

function chunked(body: Buffer, sizes: number[]): Buffer {
  const parts: Buffer[] = [];
  for (let at = 0, i = 0; at < body.length; i++) {
    const size = Math.min(sizes[i % sizes.length] ?? 1, body.length - at);
    parts.push(Buffer.from(`${size.toString(16)}${i % 3 === 0 ? ";ext=1" : ""}\r\n`), body.subarray(at, at + size), Buffer.from("\r\n"));
    at += size;
  }
  parts.push(Buffer.from("0\r\nX-Trailer: yes\r\n\r\n"));
  return Buffer.concat(parts);
}

describe("body framing", () => {
  const body = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 31 + 7) % 256));

  it("decodes a chunked body cut anywhere, size lines, extensions and trailers removed", () => {
    const wire = chunked(body, [1, 700, 16, 2049, 3]);
    for (let seed = 1; seed <= 40; seed++) {
      const cuts = Array.from({ length: seed % 12 }, (_, i) => ((seed * 7919 + i * 104729) % wire.length)).sort((a, b) => a - b);
      const framing = new ChunkedFraming();
      expect(feed(framing, wire, cuts).equals(body), `seed ${seed}`).toBe(true);
      expect(framing.done).toBe(true);
    }
    const byteByByte = new ChunkedFraming();
    expect(feed(byteByByte, wire, Array.from({ length: wire.length }, (_, i) => i)).equals(body)).toBe(true);
  });

  it("refuses a malformed chunk size and a chunk longer than its size", () => {
    expect(() => feed(new ChunkedFraming(), Buffer.from("zz\r\nab\r\n"), [])).toThrow(TransientError);
    expect(() => feed(new ChunkedFraming(), Buffer.from("2\r\nabc\r\n0\r\n\r\n"), [])).toThrow(/longer than its size/);
  });

  it("ends a Content-Length body at its length and ignores what follows", () => {
    const framing = framingFor(head({ "content-length": "10" }));
    expect(feed(framing, body.subarray(0, 30), [4]).equals(body.subarray(0, 10))).toBe(true);
    expect(framing.done).toBe(true);
  });

  it("picks the framing the way RFC 9112 orders it", () => {
    expect(framingFor(head({ "transfer-encoding": "gzip, chunked", "content-length": "4" }))).toBeInstanceOf(ChunkedFraming);
    expect(framingFor(head({})).closeDelimited).toBe(true);
    expect(framingFor(head({ "content-length": "7" }, 204)).done).toBe(true);
    expect(framingFor(head({ "content-length": "12, 12" })).done).toBe(false);
    expect(() => framingFor(head({ "content-length": "12, 13" }))).toThrow(TransientError);
    expect(() => framingFor(head({ "content-length": "-1" }))).toThrow(TransientError);
  });
});
