import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Host } from "../host";
import { addModel, appErrorOf, errorCodeOf, EventLog, invoke, openTestHost, STORIES_GGUF, tempDataDir } from "../host-test-kit";

let host: Host;

beforeEach(async () => {
  const dataDir = await tempDataDir();
  await addModel(dataDir, STORIES_GGUF);
  host = await openTestHost(dataDir);
  await invoke(host, "settings.update", { llm: { threads: 1 } });
});

afterEach(async () => {
  await host.dispose();
});

describe("fit and load through the real LLM engine", () => {
  it("estimates stories260K with node-llama-cpp's insights: all of its layers, on the CPU here, more memory for more context", async () => {
    const fit = await invoke(host, "models.fit", { id: "stories260k" });
    const hardware = await invoke(host, "hardware.info", {});
    expect(fit.totalLayers).toBeGreaterThanOrEqual(5);
    expect(fit.ramBytes).toBeGreaterThan(1_000_000);
    if (hardware.gpus.length === 0) expect(fit).toMatchObject({ verdict: "cpu", gpuLayers: 0, vramBytes: 0 });
    else expect(fit.verdict).toBe("gpu");
    const bigger = await invoke(host, "models.fit", { id: "stories260k", contextSize: 32768 });
    expect(bigger.ramBytes + bigger.vramBytes).toBeGreaterThan(fit.ramBytes + fit.vramBytes);
    expect(await errorCodeOf(invoke(host, "models.fit", { id: "missing" }))).toBe("NOT_FOUND");
  });

  it("refuses a model over the RAM budget, in load and in chat, until it is loaded anyway", async () => {
    await invoke(host, "settings.update", { engines: { ramBudgetMiB: 1 } });
    const fit = await invoke(host, "models.fit", { id: "stories260k" });
    expect(fit.verdict).toBe("too-large");
    expect(fit.summary).toMatch(/^Too large: needs about .* but the budget is 1 MB\.$/);

    const refused = await appErrorOf(invoke(host, "models.load", { id: "stories260k" }));
    expect(refused.code).toBe("OUT_OF_MEMORY");
    expect(refused.message).toMatch(/Load anyway/);
    expect(refused.details).toMatchObject({ canForce: true, fit: { verdict: "too-large" } });
    const conversation = await invoke(host, "chat.create", { modelId: "stories260k", systemPrompt: "You are a storyteller." });
    expect((await appErrorOf(invoke(host, "chat.send", { conversationId: conversation.id, content: "Hello" }))).code).toBe("OUT_OF_MEMORY");
    expect((await invoke(host, "chat.get", { id: conversation.id })).messages).toEqual([]);

    const loaded = await invoke(host, "models.load", { id: "stories260k", force: true });
    expect(loaded).toMatchObject({ modelId: "stories260k", engine: "llm", totalLayers: fit.totalLayers });
    expect(loaded.memoryBytes).toBeGreaterThan(1_000_000);
    expect(loaded.gpuLayers).toBeLessThanOrEqual(loaded.totalLayers ?? 0);
    const status = await invoke(host, "engines.status", {});
    expect(status.find((engine) => engine.engine === "llm")?.loaded.map((model) => model.modelId)).toEqual(["stories260k"]);

    const events = new EventLog(host);
    const { jobId } = await invoke(host, "chat.send", { conversationId: conversation.id, content: "Tell me a story." });
    expect((await events.finalJob(jobId)).status).toBe("succeeded");
  });

  it("loads a model that fits without forcing, and reports what was offloaded", async () => {
    const loaded = await invoke(host, "models.load", { id: "stories260k" });
    const hardware = await invoke(host, "hardware.info", {});
    if (hardware.gpus.length === 0) expect(loaded.gpuLayers).toBe(0);
    expect(loaded.totalLayers).toBeGreaterThanOrEqual(5);
    expect(await invoke(host, "models.unload", { id: "stories260k" })).toEqual({ unloaded: true });
  });
});
