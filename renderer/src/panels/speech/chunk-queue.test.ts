import { describe, expect, it } from "vitest";
import { ChunkQueue } from "./chunk-queue";

const chunk = (index: number, total = 3) => ({ index, total, text: `sentence ${index}` });

describe("ChunkQueue", () => {
  it("hands chunks out in order as they arrive", () => {
    const queue = new ChunkQueue<ReturnType<typeof chunk>>();
    expect(queue.take()).toBeUndefined();
    queue.add([chunk(0)]);
    expect(queue.take()?.index).toBe(0);
    expect(queue.take()).toBeUndefined();
    queue.add([chunk(1), chunk(2)]);
    expect(queue.take()?.index).toBe(1);
    expect(queue.finished).toBe(false);
    expect(queue.take()?.index).toBe(2);
    expect(queue.finished).toBe(true);
    expect(queue.taken).toBe(3);
  });

  it("holds an early chunk until the ones before it have come", () => {
    const queue = new ChunkQueue<ReturnType<typeof chunk>>();
    queue.add([chunk(2), chunk(1)]);
    expect(queue.take()).toBeUndefined();
    queue.add([chunk(0)]);
    expect([queue.take()?.index, queue.take()?.index, queue.take()?.index]).toEqual([0, 1, 2]);
  });

  it("ignores repeats, including the whole list again as the store hands it over", () => {
    const queue = new ChunkQueue<ReturnType<typeof chunk>>();
    expect(queue.add([chunk(0)])).toBe(1);
    queue.take();
    expect(queue.add([chunk(0), chunk(1)])).toBe(1);
    expect(queue.add([chunk(0), chunk(1)])).toBe(0);
    expect(queue.take()?.index).toBe(1);
    expect(queue.take()).toBeUndefined();
  });

  it("is not finished before it knows the total", () => {
    expect(new ChunkQueue().finished).toBe(false);
  });
});
