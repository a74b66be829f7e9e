import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EngineStatus } from "../../shared/models";
import type { Host } from "../host";
import { type EventLog, invoke, openTestHostWith } from "../host-test-kit";
import { fileDataUrl, JFK_WAV, installSpeechModels } from "./speech-test-kit";

/** The speech engine in the engine machinery (status, unload, delete, cache limits), on a real host with real models. */

let host: Host;
let log: EventLog;
let dataDir: string;

beforeAll(async () => {
  ({ host, log, dataDir } = await openTestHostWith(async (dir) => {
    await installSpeechModels(dir, ["whisper-tiny-en", "silero-vad", "en-us-tiny"]);
  }));
});
afterAll(() => host.dispose());

const speechOf = (engines: EngineStatus[]): EngineStatus | undefined => engines.find((engine) => engine.engine === "speech");
const heldBy = (engines: EngineStatus[]): string[] => (speechOf(engines)?.loaded.map((model) => model.modelId) ?? []).sort();
const speechStatus = async () => speechOf(await invoke(host, "engines.status", {}));

async function transcribe(): Promise<void> {
  const item = await invoke(host, "audio.import", { name: "jfk.wav", kind: "upload", dataUrl: await fileDataUrl(JFK_WAV, "audio/wav") });
  const { jobId } = await invoke(host, "speech.transcribe", { audioId: item.id, modelId: "whisper-tiny-en" });
  expect((await log.finalJob(jobId)).status).toBe("succeeded");
}

async function speak(): Promise<void> {
  const { jobId } = await invoke(host, "speech.speak", { voiceId: "en-us-tiny", text: "Hello there." });
  expect((await log.finalJob(jobId)).status).toBe("succeeded");
}

describe("the speech engine in engines.status, models.unload and models.delete", () => {
  it("is listed as stopped until used, then lists Whisper, the VAD and the voice with their memory", async () => {
    expect(await speechStatus()).toEqual({ engine: "speech", state: "stopped", loaded: [] });
    await transcribe();
    await speak();
    const status = await speechStatus();
    expect(status).toMatchObject({ state: "ready", pid: expect.any(Number) });
    expect(status?.loaded.map((model) => model.modelId).sort()).toEqual(["en-us-tiny", "silero-vad", "whisper-tiny-en"]);
    for (const model of status?.loaded ?? []) {
      expect(model.engine).toBe("speech");
      expect(model.memoryBytes).toBeGreaterThan(0);
    }
    // Pushed too, without asking: what the status bar shows.
    await log.waitFor("engines.changed", ({ engines }) => heldBy(engines).includes("en-us-tiny"));
  });

  it("unloads a speech model on models.unload, leaving the others loaded", async () => {
    expect(await invoke(host, "models.unload", { id: "whisper-tiny-en" })).toEqual({ unloaded: true });
    expect((await speechStatus())?.loaded.map((model) => model.modelId).sort()).toEqual(["en-us-tiny", "silero-vad"]);
    expect(await invoke(host, "models.unload", { id: "whisper-tiny-en" })).toEqual({ unloaded: false });
  });

  it("unloads a loaded voice before deleting it", async () => {
    const from = log.events.length;
    expect(await invoke(host, "models.delete", { id: "en-us-tiny" })).toEqual({ deleted: true });
    expect(existsSync(path.join(dataDir, "models", "en-us-tiny"))).toBe(false);
    expect(heldBy(await invoke(host, "engines.status", {}))).toEqual(["silero-vad"]);
    const after = log.events.slice(from);
    const unloadedAt = after.findIndex(([event, payload]) => event === "engines.changed" && !heldBy(payload.engines).includes("en-us-tiny"));
    const deletedAt = after.findIndex(([event, payload]) => event === "models.changed" && !payload.models.some((model) => model.id === "en-us-tiny"));
    expect(unloadedAt).toBeGreaterThanOrEqual(0);
    expect(deletedAt).toBeGreaterThan(unloadedAt);
  });

  it("gets the new cache limits when settings change: an idle time of 0.01 minutes unloads its models", async () => {
    await transcribe();
    const before = await speechStatus();
    expect(before?.loaded.map((model) => model.modelId).sort()).toEqual(["silero-vad", "whisper-tiny-en"]);
    await invoke(host, "settings.update", { engines: { idleUnloadMinutes: 0.01 } });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    // Unloaded by the same process on its own, not by a restart.
    expect(await speechStatus()).toEqual({ engine: "speech", state: "ready", pid: before?.pid, loaded: [] });
  });
});
