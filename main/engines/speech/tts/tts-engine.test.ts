import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { kokoroStyleLevel } from "../../../../scripts/fixtures/kokoro/tiny-kokoro";
import { startSpeechHost } from "../stt-test-kit";
import { decodeSamples, type TtsSynthesizeInput } from "./tts-methods";

const fixtures = inject("speechFixtures");
const { host: engine } = startSpeechHost();
afterAll(() => engine.stop());

const piper = (text: string, extra: Partial<TtsSynthesizeInput> = {}): TtsSynthesizeInput => ({
  modelId: "piper-tiny",
  modelPath: path.dirname(fixtures.piperVoice.onnx),
  sizeBytes: 100_000,
  text,
  speed: 1,
  ...extra,
});

async function samplesFor(input: TtsSynthesizeInput): Promise<{ samples: Float32Array; sampleRate: number; ids: number[] }> {
  const output = await engine.call("tts.synthesize", input);
  return { samples: decodeSamples(output.samples), sampleRate: output.sampleRate, ids: output.ids };
}

describe("text-to-speech in the speech engine (real onnxruntime, generated voices)", () => {
  it("speaks with a Piper voice at its sample rate, feeding Piper's ids, longer text giving longer audio", async () => {
    const short = await samplesFor(piper("Hello world."));
    expect(short.sampleRate).toBe(22050);
    expect(short.ids).toEqual([1, 0, 20, 0, 59, 0, 24, 0, 120, 0, 27, 0, 100, 0, 3, 0, 35, 0, 120, 0, 62, 0, 122, 0, 24, 0, 17, 0, 10, 0, 2]);
    // The tiny voice makes 256 samples per id at length_scale 1, like a real medium voice.
    expect(short.samples.length).toBe(short.ids.length * 256);
    expect(short.samples.some((value) => Math.abs(value) > 0.05)).toBe(true);
    const long = await samplesFor(piper("Hello world, this sentence is a good deal longer than the first one."));
    expect(long.samples.length).toBe(long.ids.length * 256);
    expect(long.samples.length).toBeGreaterThan(2 * short.samples.length);
  });

  it("divides Piper's length_scale by the speed", async () => {
    const normal = await samplesFor(piper("Speed test sentence."));
    const fast = await samplesFor(piper("Speed test sentence.", { speed: 2 }));
    expect(fast.samples.length).toBe(Math.floor(normal.ids.length * 128));
  });

  it("passes the speaker id to multi-speaker voices and refuses unknown speakers", async () => {
    const modelPath = fixtures.piperMultiVoice.onnx;
    const alice = await samplesFor(piper("Hello.", { modelId: "piper-duo", modelPath, speaker: "alice" }));
    const bob = await samplesFor(piper("Hello.", { modelId: "piper-duo", modelPath, speaker: "bob" }));
    const byNumber = await samplesFor(piper("Hello.", { modelId: "piper-duo", modelPath, speaker: "1" }));
    expect(bob.samples.length).toBe(alice.samples.length);
    expect(bob.samples).not.toEqual(alice.samples);
    expect(byNumber.samples).toEqual(bob.samples);
    await expect(engine.call("tts.synthesize", piper("Hello.", { modelId: "piper-duo", modelPath, speaker: "carol" }))).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
  });

  it("speaks with Kokoro: 24 kHz, the style row of the token count, voices by name", async () => {
    const kokoro = (text: string, speaker?: string): TtsSynthesizeInput => ({
      modelId: "kokoro-tiny",
      modelPath: fixtures.kokoro,
      sizeBytes: 2_000_000,
      text,
      speed: 1,
      ...(speaker ? { speaker } : {}),
    });
    const short = await samplesFor(kokoro("Hello world."));
    expect(short.sampleRate).toBe(24000);
    expect(short.ids[0]).toBe(0);
    expect(short.ids.at(-1)).toBe(0);
    expect(short.samples.length).toBe(short.ids.length * 600);
    // The tiny model's loudness is 0.1 + the style row's level: the row is the token count (pads excluded).
    const peak = (samples: Float32Array): number => samples.reduce((max, value) => Math.max(max, Math.abs(value)), 0);
    expect(peak(short.samples)).toBeCloseTo(0.1 + kokoroStyleLevel(short.ids.length - 2), 3);
    const long = await samplesFor(kokoro("Hello world, and a much longer sentence after it."));
    expect(long.samples.length).toBeGreaterThan(2 * short.samples.length);
    expect(peak(long.samples)).toBeCloseTo(0.1 + kokoroStyleLevel(long.ids.length - 2), 3);
    const clamped = await samplesFor(kokoro("word ".repeat(200)));
    expect(clamped.ids).toHaveLength(512);
    expect(peak(clamped.samples)).toBeCloseTo(0.1 + kokoroStyleLevel(509), 3);
    const adam = await samplesFor(kokoro("Hello world.", "am_adam"));
    expect(adam.samples.length).toBe(short.samples.length);
    expect(peak(adam.samples)).toBeCloseTo(0.1 + kokoroStyleLevel(short.ids.length - 2, 1), 3);
    await expect(engine.call("tts.synthesize", kokoro("Hi.", "zz_nobody"))).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  it("lists loaded voices and unloads them", async () => {
    await samplesFor(piper("Loaded."));
    expect((await engine.call("loaded", {})).map((model) => model.modelId)).toContain("piper-tiny");
    expect(await engine.call("unload", { modelId: "piper-tiny" })).toEqual({ unloaded: true });
    expect((await engine.call("loaded", {})).map((model) => model.modelId)).not.toContain("piper-tiny");
  });

  it("fails clearly on a folder that holds no voice and on bad input", async () => {
    const empty = await mkdtemp(path.join(tmpdir(), "atelier-novoice-"));
    await expect(engine.call("tts.synthesize", piper("Hi.", { modelId: "empty", modelPath: empty }))).rejects.toMatchObject({ code: "MODEL_INCOMPATIBLE" });
    await expect(engine.call("tts.synthesize", piper("Hi.", { speed: 0 }))).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });
});
