import { describe, expect, it } from "vitest";
import { INVOKE_CHANNELS, PUSH_EVENTS } from "./channels";
import { CHANNELS, EVENT_NAMES } from "./contract";

describe("plain channel lists", () => {
  it("name every invoke channel of the contract exactly once", () => {
    expect(new Set(INVOKE_CHANNELS).size).toBe(INVOKE_CHANNELS.length);
    expect([...INVOKE_CHANNELS].sort()).toEqual([...CHANNELS].sort());
  });

  it("name every event of the contract exactly once", () => {
    expect(new Set(PUSH_EVENTS).size).toBe(PUSH_EVENTS.length);
    expect([...PUSH_EVENTS].sort()).toEqual([...EVENT_NAMES].sort());
  });
});
