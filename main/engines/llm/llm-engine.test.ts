import { afterAll, describe, expect, it } from "vitest";
import { AppError } from "../../../shared/errors";
import { generateInput, startLlmHost, storiesLoad } from "../testing/engine-test-support";
import type { LlmDelta, LlmGenerateOutput } from "./methods";

/** The real LLM engine process (out/main/engine-llm.js) on the real stories260K weights. */
describe("LLM engine on stories260K", () => {
  const { host, logger } = startLlmHost();
  afterAll(() => host.stop());

  it("streams English story text in several coalesced deltas", async () => {
    const deltas: string[] = [];
    const output = await host.call("generate", generateInput(storiesLoad(), "Tell me a story about a cat.", { maxTokens: 300 }), {
      onEvent: (delta: LlmDelta) => deltas.push(delta.text),
    });
    expect(output.text.length).toBeGreaterThan(100);
    expect(output.text.match(/\b(the|and|was|she|he|a)\b/gi)?.length ?? 0).toBeGreaterThan(10);
    expect(deltas.length).toBeGreaterThanOrEqual(3);
    // Coalesced: far fewer messages than tokens, and together they are the whole reply.
    expect(deltas.length).toBeLessThan(output.stats.completionTokens / 2);
    expect(deltas.join("")).toBe(output.text);
    expect(output.templateName).toBe("Llama2Chat");
    expect(output.stopReason).toBe("maxTokens");
    expect(output.stats.completionTokens).toBe(300);
    expect(output.stats.promptTokens).toBeGreaterThan(10);
    expect(output.stats.tokensPerSecond).toBeGreaterThan(50);
    expect(output.stats.timeToFirstTokenMs).toBeLessThan(output.stats.durationMs);
  });

  it("stops mid-stream: keeps the partial text, answers quickly, then serves the next call", async () => {
    const controller = new AbortController();
    const deltas: string[] = [];
    let abortedAt = 0;
    const call = host.call("generate", generateInput(storiesLoad(), "Tell me a long story.", { maxTokens: 1500 }), {
      signal: controller.signal,
      onEvent: (delta: LlmDelta) => {
        deltas.push(delta.text);
        if (deltas.length === 2) {
          abortedAt = performance.now();
          controller.abort();
        }
      },
    });
    const error = await call.then(
      () => undefined,
      (reason: unknown) => reason,
    );
    const answeredAfterMs = performance.now() - abortedAt;
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("CANCELLED");
    const partial = ((error as AppError).details as { output: LlmGenerateOutput }).output;
    expect(partial.stopReason).toBe("abort");
    expect(partial.stats.completionTokens).toBeLessThan(1500);
    expect(partial.text.startsWith(deltas[0] ?? "?")).toBe(true);
    expect(answeredAfterMs).toBeLessThan(1000);

    const next = await host.call("generate", generateInput(storiesLoad(), "Tell me a story about a dog.", { maxTokens: 40 }));
    expect(next.stats.completionTokens).toBe(40);
  });

  it("cancel frees the engine for the next job at once", async () => {
    const controller = new AbortController();
    const cancelled = host.call("generate", generateInput(storiesLoad(), "Tell me a story.", { maxTokens: 1500 }), {
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 50);
    await expect(cancelled).rejects.toMatchObject({ code: "CANCELLED" });
    const startedAt = performance.now();
    const next = await host.call("generate", generateInput(storiesLoad(), "Tell me a story about a bird.", { maxTokens: 60 }));
    expect(next.stats.completionTokens).toBe(60);
    expect(performance.now() - startedAt).toBeLessThan(5000);
  });

  it("cancelling a job that waits behind another leaves the running one untouched", async () => {
    const running = host.call("generate", generateInput(storiesLoad(), "Tell me a story.", { maxTokens: 300 }));
    const controller = new AbortController();
    const waiting = host.call("generate", generateInput(storiesLoad(), "Tell me another story."), { signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    await expect(waiting).rejects.toMatchObject({ code: "CANCELLED" });
    expect((await running).stats.completionTokens).toBe(300);
  });

  it("refuses a prompt longer than the context with a clear error, and keeps serving", async () => {
    const longMessage = "The little cat sat on the mat and looked at the sun. ".repeat(150);
    const startedAt = performance.now();
    await expect(host.call("generate", generateInput(storiesLoad({ contextSize: 256 }), longMessage))).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringMatching(/context size/),
    });
    expect(performance.now() - startedAt).toBeLessThan(10_000);
    const next = await host.call("generate", generateInput(storiesLoad(), "Tell me a story.", { maxTokens: 20 }));
    expect(next.stats.completionTokens).toBe(20);
  });

  it("reports loaded models with memory and layers, and unloads on request", async () => {
    await host.call("generate", generateInput(storiesLoad(), "Hi.", { maxTokens: 5 }));
    const loaded = await host.call("loaded", {});
    expect(loaded).toEqual([
      expect.objectContaining({ modelId: "stories260k", engine: "llm", gpuLayers: expect.any(Number), totalLayers: expect.any(Number) }),
    ]);
    expect(loaded[0]?.memoryBytes).toBeGreaterThan(1_000_000);
    expect(loaded[0]?.totalLayers).toBeGreaterThan(0);
    expect(await host.call("unload", { modelId: "stories260k" })).toEqual({ unloaded: true });
    expect(await host.call("loaded", {})).toEqual([]);
    expect(await host.call("unload", { modelId: "stories260k" })).toEqual({ unloaded: false });
  });

  it("rejects malformed input with INVALID_INPUT", async () => {
    const input = generateInput(storiesLoad(), "Hello");
    await expect(host.call("generate", { ...input, messages: [{ role: "assistant", content: "hi" }] })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    await expect(host.call("configure", { budgetBytes: -1, idleUnloadMs: 0 })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await host.call("configure", { budgetBytes: 1e9, idleUnloadMs: 60_000 })).toEqual({ ok: true });
    expect(logger.lines.filter((line) => line.level === "error")).toEqual([]);
  });
});
