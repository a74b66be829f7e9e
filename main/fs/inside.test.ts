import path from "node:path";
import { describe, expect, it } from "vitest";
import { AppError } from "../../shared/errors";
import { isInside, resolveInside } from "./inside";

const root = path.resolve("/data/atelier");

describe("resolveInside", () => {
  it("joins parts that stay inside the root", () => {
    expect(resolveInside(root, "chats", "c-1.json")).toBe(path.join(root, "chats", "c-1.json"));
    expect(resolveInside(root, "a/../b")).toBe(path.join(root, "b"));
    expect(resolveInside(root)).toBe(root);
  });

  it.each([["../outside"], ["chats/../../etc/passwd"], ["/etc/passwd"], ["a\0b"], [".."]])("refuses %j", (part) => {
    expect(() => resolveInside(root, part)).toThrow(AppError);
    try {
      resolveInside(root, part);
    } catch (error) {
      expect((error as AppError).code).toBe("INVALID_INPUT");
    }
  });

  it("does not mistake a sibling with the same prefix for the inside", () => {
    expect(isInside(root, `${root}-evil/x`)).toBe(false);
    expect(() => resolveInside(root, `../${path.basename(root)}-evil/x`)).toThrow(AppError);
  });
});
