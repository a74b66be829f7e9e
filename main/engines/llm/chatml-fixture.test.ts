import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { generateInput, startLlmHost, storiesLoad } from "../testing/engine-test-support";
import type { LlmLoadOptions } from "./methods";

/** The real LLM engine process on the generated tiny ChatML GGUF and on broken model files. */
describe("LLM engine on generated GGUF fixtures", () => {
  const fixtures = inject("llmFixtures");
  const { host } = startLlmHost();
  beforeAll(() => host.call("loaded", {}));
  afterAll(() => host.stop());

  const load = (modelId: string, modelPath: string): LlmLoadOptions => ({
    modelId,
    modelPath,
    sizeBytes: 0,
    gpuLayers: "auto",
    threads: 1,
    contextSize: 512,
  });

  it("answers with the model's own ChatML template, identically twice at temperature 0 with a fixed seed", async () => {
    const input = generateInput(load("tiny-chatml", fixtures.chatmlGguf), "Hello, tell me a story.", {
      temperature: 0,
      seed: 7,
      maxTokens: 24,
    });
    const first = await host.call("generate", input);
    await host.call("unload", { modelId: "tiny-chatml" });
    const second = await host.call("generate", input);
    expect(first.templateName).toBe("ChatML");
    expect(first.text.length).toBeGreaterThan(0);
    expect(second.text).toBe(first.text);
    expect(second.stats.completionTokens).toBe(first.stats.completionTokens);
  });

  it.each([
    ["corrupt header", () => fixtures.corruptGguf, /"corrupt\.gguf" is incomplete/],
    ["truncated weights", () => fixtures.truncatedGguf, /"truncated\.gguf" could not be loaded: .*corrupted or incomplete/],
    ["missing file", () => `${fixtures.chatmlGguf}.missing`, /does not exist/],
    ["file that is not GGUF", () => path.resolve("package.json"), /"package\.json" is not a readable GGUF model/],
  ])("a %s fails with MODEL_LOAD_FAILED and a readable message; the engine keeps serving", async (_name, file, message) => {
    const pidBefore = host.pid;
    await expect(host.call("generate", generateInput(load("broken", file()), "Hello"))).rejects.toMatchObject({
      code: "MODEL_LOAD_FAILED",
      message: expect.stringMatching(message),
    });
    const next = await host.call("generate", generateInput(storiesLoad(), "Tell me a story.", { maxTokens: 10 }));
    expect(next.stats.completionTokens).toBe(10);
    expect(host.pid).toBe(pidBefore);
    expect(host.state).toBe("ready");
  });
});
