import { describe, expect, it } from "vitest";
import { applyDrafts, hasDrafts, pendingDrafts } from "./transcript-edits";

const segments = [
  { id: 0, start: 0, end: 2, text: "And so my fellow Americans" },
  { id: 1, start: 2, end: 5, text: "ask not" },
];

describe("transcript drafts", () => {
  it("applies drafts by segment id and leaves the others as they are", () => {
    const edited = applyDrafts(segments, { 1: "ask not what your country can do" });
    expect(edited.map((segment) => segment.text)).toEqual(["And so my fellow Americans", "ask not what your country can do"]);
    expect(edited[0]).toBe(segments[0]);
    expect(edited[1]).toMatchObject({ start: 2, end: 5 });
  });

  it("keeps only the typing the saved transcript does not hold yet", () => {
    const saved = applyDrafts(segments, { 1: "ask not what" });
    expect(pendingDrafts({ 1: "ask not what" }, saved)).toEqual({});
    expect(pendingDrafts({ 0: "And so, my fellow", 1: "ask not what" }, saved)).toEqual({ 0: "And so, my fellow" });
    expect(hasDrafts({})).toBe(false);
    expect(hasDrafts({ 0: "" })).toBe(true);
  });
});
