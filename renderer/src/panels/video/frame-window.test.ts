import { describe, expect, it } from "vitest";
import { framesAhead, framesToKeep, LruMap, MIN_KEPT_FRAMES } from "./frame-window";

describe("frame window", () => {
  it("keeps as many decoded frames as the memory budget allows, within the clip", () => {
    expect(framesToKeep(512, 512, 1000, 256 * 1024 * 1024)).toBe(256);
    expect(framesToKeep(2048, 2048, 1000, 256 * 1024 * 1024)).toBe(MIN_KEPT_FRAMES);
    expect(framesToKeep(64, 64, 16)).toBe(16);
  });

  it("asks for the current frame and the next ones, wrapping only when looping", () => {
    expect(framesAhead(2, 16, 3, true)).toEqual([2, 3, 4, 5]);
    expect(framesAhead(14, 16, 3, true)).toEqual([14, 15, 0, 1]);
    expect(framesAhead(14, 16, 3, false)).toEqual([14, 15]);
    expect(framesAhead(0, 3, 10, true)).toEqual([0, 1, 2]);
  });

  it("forgets the least recently used entry beyond its capacity, and frees it", () => {
    const freed: string[] = [];
    const map = new LruMap<number, string>(2, (key, value) => freed.push(`${key}:${value}`));
    map.set(1, "a");
    map.set(2, "b");
    expect(map.get(1)).toBe("a");
    map.set(3, "c");
    expect(map.has(2)).toBe(false);
    expect(map.has(1) && map.has(3)).toBe(true);
    map.set(3, "d");
    map.clear();
    expect(freed).toEqual(["2:b", "3:c", "1:a", "3:d"]);
    expect(map.size).toBe(0);
  });
});
