import { describe, expect, it } from "vitest";
import { CHANNELS } from "../shared/contract";
import { AppError } from "../shared/errors";
import type { Logger } from "./log/types";
import { createRouter, type Handlers } from "./router";

const ctx = { origin: "test" as const };

/** Every channel answers with what it received, except the ones a test overrides. */
function router(overrides: Partial<Handlers> = {}, logger?: Logger) {
  const echo = Object.fromEntries(CHANNELS.map((channel) => [channel, async (request: unknown) => ({ echoed: request })]));
  return createRouter({ ...echo, ...overrides } as Handlers, logger);
}

describe("router", () => {
  it("passes a valid request, parsed, to its handler", async () => {
    const result = await router().handle("chat.export", { id: "c-1", format: "json" }, ctx);
    expect(result).toEqual({ ok: true, value: { echoed: { id: "c-1", format: "json" } } });
  });

  it.each([
    ["an unknown channel", "chat.nope", {}],
    ["a non-string channel", 42, {}],
    ["an inherited property name", "constructor", {}],
    ["a prototype key", "__proto__", {}],
  ])("answers %s with INVALID_INPUT", async (_label, channel, request) => {
    const result = await router().handle(channel, request, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: "INVALID_INPUT", message: expect.stringMatching(/Unknown channel/) } });
  });

  it.each([
    ["a wrong type", "chat.get", { id: 5 }, /id/],
    ["a missing field", "chat.send", { conversationId: "c-1" }, /content/],
    ["an extra key", "settings.get", { extra: true }, /extra/],
    ["a path as id", "models.delete", { id: "../../etc/passwd" }, /slug/],
    ["an out-of-range setting", "settings.update", { llm: { threads: -1 } }, /threads/],
    ["no object at all", "chat.list", null, /object/],
  ])("answers %s with INVALID_INPUT and a readable message", async (_label, channel, request, message) => {
    const result = await router().handle(channel, request, ctx);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("INVALID_INPUT");
    expect(result.error.message).toMatch(message);
    expect(result.error.message).toContain(String(channel));
  });

  it("keeps the message short for huge payloads", async () => {
    const keys = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`key${i}`, i]));
    const result = await router().handle("app.info", keys, ctx);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message.length).toBeLessThan(2200);
  });

  it("maps handler errors to their shape, and unknown ones to INTERNAL (logged)", async () => {
    const logged: string[] = [];
    const logger: Logger = { log: (_level, _scope, message) => logged.push(message) };
    const r = router(
      {
        "chat.get": async () => Promise.reject(new AppError("NOT_FOUND", "There is no conversation c-1.")),
        "chat.list": async () => Promise.reject(new TypeError("x is undefined")),
        "jobs.list": async () => Promise.reject("a string"),
      },
      logger,
    );
    expect(await r.handle("chat.get", { id: "c-1" }, ctx)).toEqual({ ok: false, error: { code: "NOT_FOUND", message: "There is no conversation c-1." } });
    expect(await r.handle("chat.list", {}, ctx)).toEqual({ ok: false, error: { code: "INTERNAL", message: "x is undefined" } });
    expect(await r.handle("jobs.list", {}, ctx)).toEqual({ ok: false, error: { code: "INTERNAL", message: "a string" } });
    expect(logged).toHaveLength(2);
  });
});
