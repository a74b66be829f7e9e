import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHANNELS, invokeContract, type Channel, type RequestOf } from "../shared/contract";
import type { Host } from "./host";
import { createPrng } from "../scripts/fixtures/prng";
import { invoke, openTestHost, tempDataDir } from "./host-test-kit";

/** One valid request per channel: the base that mutations start from (typed, so contract changes show up here). */
const VALID: { [C in Channel]: RequestOf<C> } = {
  "app.info": {},
  "app.about": {},
  "settings.get": {},
  "settings.update": { llm: { threads: 1 }, engines: { concurrency: 1 } },
  "jobs.list": {},
  "jobs.cancel": { id: "job-1" },
  "jobs.clearFinished": {},
  "models.list": {},
  "models.refresh": {},
  "models.delete": { id: "some-model" },
  "models.unload": { id: "some-model" },
  "engines.status": {},
  "models.load": { id: "some-model", force: true },
  "models.fit": { id: "some-model", contextSize: 4096 },
  "models.import": { path: "/tmp/model.gguf", mode: "link", family: "llm", name: "Model" },
  "hardware.info": {},
  "catalog.list": {},
  "hub.search": { query: "llama", ggufOnly: true, limit: 5 },
  "hub.files": { repo: "owner/model-GGUF", revision: "main" },
  "hub.tokenStatus": {},
  "hub.setToken": { token: null },
  "downloads.list": {},
  "downloads.start": { repo: "owner/model-GGUF", revision: "main", files: ["model.Q4_K_M.gguf"], family: "llm" },
  "downloads.pause": { id: "dl-1" },
  "downloads.resume": { id: "dl-1" },
  "downloads.cancel": { id: "dl-1" },
  "downloads.clearFinished": {},
  "chat.list": {},
  "chat.get": { id: "c-1" },
  "chat.create": { title: "T", modelId: null, systemPrompt: "S", params: { temperature: 0.5, seed: 1 } },
  "chat.update": { id: "c-1", title: "T", params: { maxTokens: 10 } },
  "chat.delete": { id: "c-1" },
  "chat.export": { id: "c-1", format: "markdown" },
  "chat.send": { conversationId: "c-1", content: "hello" },
  "chat.regenerate": { conversationId: "c-1", messageId: "m-1" },
  "chat.edit": { conversationId: "c-1", messageId: "m-1", content: "hello" },
  "chat.selectBranch": { conversationId: "c-1", messageId: "m-1" },
  "image.generate": { modelId: "some-model", prompt: "a cat", width: 512, height: 512, steps: 20, sampler: "euler", seed: 1, batchCount: 2 },
  "image.upscale": { itemId: "img-1", modelId: "some-upscaler", tileSize: 256, overlap: 16 },
  "library.list": { offset: 0, limit: 20 },
  "library.get": { id: "img-1" },
  "library.read": { id: "img-1", variant: "thumbnail" },
  "library.delete": { id: "img-1" },
  "library.reveal": { id: "img-1" },
  "audio.import": { name: "talk.mp3", kind: "upload", dataUrl: "data:audio/mpeg;base64,SUQzBAAAAAAA" },
  "audio.list": {},
  "audio.read": { id: "audio-1" },
  "audio.delete": { id: "audio-1" },
  "audio.detectSpeech": { id: "audio-1", modelId: "silero-vad" },
  "speech.transcribe": { audioId: "audio-1", modelId: "whisper-tiny", language: "de", task: "translate" },
  "speech.transcripts": { audioId: "audio-1" },
  "speech.updateTranscript": { id: "t-1", segments: [{ id: 0, start: 0, end: 1.5, text: "Hello" }] },
  "speech.exportTranscript": { id: "t-1", format: "srt" },
  "speech.deleteTranscript": { id: "t-1" },
  "speech.voices": {},
  "speech.speak": { voiceId: "some-voice", text: "Hello there.", speed: 1.2, speaker: "alice", format: "mp3" },
  "video.generate": { modelId: "some-motion", prompt: "waves", frames: 16, fps: 8, width: 512, height: 512, steps: 8, sampler: "lcm", seed: 1 },
  "video.animate": { modelId: "some-model", mode: "feedback", keyframes: [{ frame: 0, prompt: "dawn" }, { frame: 12, prompt: "dusk", camera: { zoom: 1.02, rotate: 1 }, strength: 0.4 }], frames: 24 },
  "video.interpolate": { clipId: "clip-1", factor: 2 },
  "video.import": { path: "/tmp/clip.mp4", name: "Clip" },
  "video.export": { clipId: "clip-1", format: "webm" },
  "video.download": { clipId: "clip-1", format: "mp4" },
  "video.list": { offset: 0, limit: 20 },
  "video.get": { id: "clip-1" },
  "video.delete": { id: "clip-1" },
  "video.reveal": { id: "clip-1", format: "gif" },
  "video.frame": { id: "clip-1", index: 3, variant: "full" },
  "video.recall": { path: "/tmp/clip.webp" },
  "video.models": {},
};

const HOSTILE_KEYS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf", "then"];
const HUGE = "x".repeat(1_000_000);

function fuzzer(seed: number) {
  const random = createPrng(seed); // seeded, so a failure replays exactly
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const int = (max: number) => Math.floor(random() * max);

  function value(depth: number): unknown {
    switch (int(depth > 3 ? 7 : 10)) {
      case 0: return null;
      case 1: return random() < 0.5;
      case 2: return pick([0, -1, 1.5, 2 ** 53, -(2 ** 31), 1e308, -0, 4294967296]);
      case 3: return pick(["", " ", "c-1", "../../etc/passwd", "a\0b", "UPPER", "é", "x".repeat(int(300)), "<script>", "🙂"]);
      case 4: return random() < 0.05 ? HUGE : "y".repeat(int(5000));
      case 5: return pick([[], {}, "null", "[object Object]"]);
      case 6: return pick(HOSTILE_KEYS);
      case 7: return Array.from({ length: int(5) }, () => value(depth + 1));
      case 8: return object(depth + 1);
      default: return JSON.parse(`{"__proto__": {"polluted": ${depth}}}`) as unknown;
    }
  }

  function object(depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (let i = int(4); i > 0; i--) out[random() < 0.5 ? pick(HOSTILE_KEYS) : `k${int(50)}`] = value(depth);
    return out;
  }

  /** Never an object: no request schema accepts it. */
  function notAnObject(): unknown {
    return pick<unknown>([null, undefined, 0, 1, -1, "", "{}", true, false, [], [VALID["chat.get"]], HUGE, NaN]);
  }

  /** A valid request plus a key no (strict) request schema knows, often a prototype-pollution key. */
  function withUnknownKey(channel: Channel): unknown {
    const text = `{"${pick(HOSTILE_KEYS)}": ${JSON.stringify(value(0)) ?? "null"}}`;
    const extra = random() < 0.5 ? (JSON.parse(text) as Record<string, unknown>) : { [`extra${int(9)}`]: value(0) };
    return { ...structuredClone(VALID[channel]), ...extra, ...(random() < 0.3 ? JSON.parse(text) as object : {}) };
  }

  /** A valid request with one field replaced or removed: usually invalid, checked against the schema. */
  function mutated(channel: Channel): Record<string, unknown> {
    const base = structuredClone(VALID[channel]) as Record<string, unknown>;
    const keys = Object.keys(base);
    const key = keys.length > 0 && random() < 0.85 ? pick(keys) : undefined;
    if (key === undefined) return base;
    if (random() < 0.2) delete base[key];
    else base[key] = value(0);
    return base;
  }

  return { notAnObject, withUnknownKey, mutated, pick };
}

let host: Host;

beforeAll(async () => {
  host = await openTestHost(await tempDataDir());
});

afterAll(async () => {
  await host.dispose();
});

describe("contract fuzz", () => {
  it("answers thousands of invalid payloads on every channel with INVALID_INPUT and keeps serving", async () => {
    const fuzz = fuzzer(20250601);
    const ctx = { origin: "test" as const };
    let checked = 0;
    for (const channel of CHANNELS) {
      const schema = invokeContract[channel].request;
      const payloads: unknown[] = [];
      for (let i = 0; i < 120; i++) payloads.push(fuzz.notAnObject(), fuzz.withUnknownKey(channel));
      for (let i = 0; i < 150; i++) {
        const candidate = fuzz.mutated(channel);
        if (!schema.safeParse(candidate).success) payloads.push(candidate);
      }
      for (const payload of payloads) {
        const result = await host.router.handle(channel, payload, ctx);
        if (result.ok || result.error.code !== "INVALID_INPUT") {
          throw new Error(`${channel} accepted ${JSON.stringify(payload)?.slice(0, 300)}: ${JSON.stringify(result).slice(0, 300)}`);
        }
        expect(result.error.message.length).toBeLessThan(2200);
        checked++;
      }
    }
    for (let i = 0; i < 200; i++) {
      const channel = fuzz.pick<unknown>([undefined, null, 7, "", "chat", "chat.", "__proto__", "constructor", "toString", "x".repeat(10_000), {}, ["chat.list"]]);
      const result = await host.router.handle(channel, {}, ctx);
      expect(result).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });
      checked++;
    }
    expect(checked).toBeGreaterThan(5000);
    expect(Object.prototype).not.toHaveProperty("polluted");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    // Still serving: real requests work and nothing was created by the rejected ones.
    expect(await invoke(host, "chat.list", {})).toEqual([]);
    expect(await invoke(host, "jobs.list", {})).toEqual([]);
    const conversation = await invoke(host, "chat.create", { title: "After the storm" });
    expect(await invoke(host, "chat.get", { id: conversation.id })).toEqual(conversation);
    expect((await invoke(host, "settings.get", {})).engines.concurrency).toBe(1);
  });
});
