import { describe, expect, it } from "vitest";
import type { Logger } from "../log/types";
import { createEventBus } from "./bus";

describe("event bus", () => {
  it("delivers every event to every listener until it unsubscribes, even when one throws", () => {
    const logged: string[] = [];
    const logger: Logger = { log: (_level, _scope, message) => logged.push(message) };
    const bus = createEventBus(logger);
    const seen: string[] = [];
    bus.subscribe(() => {
      throw new Error("boom");
    });
    const unsubscribe = bus.subscribe((event, payload) => {
      if (event === "chat.deleted") seen.push(`${event}:${payload.id}`);
    });
    bus.emit("chat.deleted", { id: "c-1" });
    unsubscribe();
    bus.emit("chat.deleted", { id: "c-2" });
    expect(seen).toEqual(["chat.deleted:c-1"]);
    expect(logged).toHaveLength(2);
  });
});
