import { describe, expect, it } from "vitest";
import { TransientError } from "../hub-errors";
import { MAX_HEAD_BYTES, parseResponseHead } from "./response-head";

const bytes = (text: string) => Buffer.from(text, "latin1");

describe("parseResponseHead", () => {
  it("reads the status, lower-cased headers and where the body starts", () => {
    const head = parseResponseHead(bytes("HTTP/1.1 206 Partial Content\r\nContent-Range: bytes 5-9/10\r\nX-Error-Code: None\r\n\r\nbody"));
    expect(head?.status).toBe(206);
    expect(head?.headers.get("content-range")).toBe("bytes 5-9/10");
    expect(head?.headers.get("x-error-code")).toBe("None");
    expect(head?.length).toBe(head === undefined ? 0 : bytes("HTTP/1.1 206 Partial Content\r\nContent-Range: bytes 5-9/10\r\nX-Error-Code: None\r\n\r\n").length);
  });

  it("waits for the blank line", () => {
    expect(parseResponseHead(bytes("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n"))).toBeUndefined();
  });

  it("joins repeated headers and keeps a status line without a reason", () => {
    const head = parseResponseHead(bytes("HTTP/1.1 200\r\nVia: a\r\nvia: b\r\n\r\n"));
    expect(head?.status).toBe(200);
    expect(head?.headers.get("via")).toBe("a, b");
  });

  it.each([
    ["not HTTP", "SSH-2.0-OpenSSH\r\n\r\n"],
    ["a bad status", "HTTP/1.1 99 Odd\r\n\r\n"],
    ["a header without a colon", "HTTP/1.1 200 OK\r\nbroken\r\n\r\n"],
    ["a folded header", "HTTP/1.1 200 OK\r\nA: b\r\n c\r\n\r\n"],
  ])("refuses %s as worth a retry", (_name, text) => {
    expect(() => parseResponseHead(bytes(text))).toThrow(TransientError);
  });

  it("refuses a head larger than its limit", () => {
    const huge = bytes(`HTTP/1.1 200 OK\r\nX: ${"a".repeat(MAX_HEAD_BYTES)}`);
    expect(() => parseResponseHead(huge)).toThrow(/larger than/);
  });
});
