import { describe, expect, it } from "vitest";
import { leadingFrameId, nestingBeyond } from "./json-depth";

const bytes = (text: string) => Buffer.from(text);

describe("nestingBeyond", () => {
  it("finds where JSON first goes deeper than the limit", () => {
    expect(nestingBeyond(bytes("[[[]]]"), 3)).toBe(-1);
    expect(nestingBeyond(bytes("[[[[]]]]"), 3)).toBe(3);
    expect(nestingBeyond(bytes('{"a":{"b":[{}]}}'), 4)).toBe(-1);
    expect(nestingBeyond(bytes('{"a":{"b":[{}]}}'), 3)).toBe(11);
    expect(nestingBeyond(bytes("[][][][][]"), 1)).toBe(-1);
  });

  it("ignores brackets inside strings, escaped quotes included", () => {
    expect(nestingBeyond(bytes('["[[[[{{{{", "\\"[[[[", "\\\\"]'), 1)).toBe(-1);
    expect(nestingBeyond(bytes('["\\\\", [[1]]]'), 2)).toBe(8);
    expect(nestingBeyond(bytes('{"k\u00e9\u{1F600}[": ["\u{1F600}{{"]}'), 2)).toBe(-1);
  });

  it("stops at the limit without reading the rest of a frame nested three million deep", () => {
    const deep = bytes(`${"[".repeat(3_000_000)}${"]".repeat(3_000_000)}`);
    const started = performance.now();
    expect(nestingBeyond(deep, 64)).toBe(64);
    expect(performance.now() - started).toBeLessThan(50);
  });

  it("reads a wide 6 MB frame in one linear pass", () => {
    const wide = bytes(`[${Array.from({ length: 1_000_000 }, () => '"x"').join(",")}]`);
    const started = performance.now();
    expect(nestingBeyond(wide, 64)).toBe(-1);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe("leadingFrameId", () => {
  it("reads the id an invoke frame starts with", () => {
    expect(leadingFrameId('{"type":"invoke","id":42,"channel":"app.info","request":[[[[')).toBe(42);
    expect(leadingFrameId(' { "id" : 7 , "type":"invoke"')).toBe(7);
  });

  it("answers nothing when the id is not plainly at the start", () => {
    expect(leadingFrameId('{"request":[[[')).toBeUndefined();
    expect(leadingFrameId('{"type":"invoke","request":{"id":3,')).toBeUndefined();
    expect(leadingFrameId('{"type":"in\\"voke","id":3,')).toBeUndefined();
    expect(leadingFrameId('{"id":-1,')).toBeUndefined();
    expect(leadingFrameId("[[[[")).toBeUndefined();
  });
});
