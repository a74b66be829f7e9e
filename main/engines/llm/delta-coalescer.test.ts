import { describe, expect, it } from "vitest";
import { DeltaCoalescer } from "./delta-coalescer";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("DeltaCoalescer", () => {
  it("sends the first chunk at once, batches the rest, and flush sends what is left", async () => {
    const sent: string[] = [];
    const coalescer = new DeltaCoalescer((delta) => sent.push(delta.text), 30);
    coalescer.push("Once");
    expect(sent).toEqual(["Once"]);
    for (const word of [" upon", " a", " time"]) coalescer.push(word);
    expect(sent).toEqual(["Once"]);
    await sleep(60);
    expect(sent).toEqual(["Once", " upon a time"]);
    coalescer.push(",");
    coalescer.push(" there");
    coalescer.flush();
    expect(sent).toEqual(["Once", " upon a time", ", there"]);
    await sleep(60);
    expect(sent).toHaveLength(3);
  });

  it("sends nothing for empty chunks or an empty flush", () => {
    const sent: string[] = [];
    const coalescer = new DeltaCoalescer((delta) => sent.push(delta.text));
    coalescer.push("");
    coalescer.flush();
    expect(sent).toEqual([]);
  });

  it("sends at most one message per interval however many chunks arrive", async () => {
    const sent: string[] = [];
    const coalescer = new DeltaCoalescer((delta) => sent.push(delta.text), 20);
    const started = Date.now();
    while (Date.now() - started < 110) {
      coalescer.push("x");
      await new Promise((resolve) => setImmediate(resolve));
    }
    coalescer.flush();
    expect(sent.join("").length).toBeGreaterThan(20);
    expect(sent.length).toBeLessThanOrEqual(2 + Math.ceil(110 / 20));
  });
});
