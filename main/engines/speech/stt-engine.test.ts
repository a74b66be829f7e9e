import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { runFfmpeg } from "../../audio/ffmpeg";
import type { TranscribeEvent, TranscribeInput } from "./stt-methods";
import { JFK_WAV, SILERO, startSpeechHost, writeJfkMontage } from "./stt-test-kit";

const fixtures = inject("speechFixtures");
const EXPECTED = [
  { start: 0, end: 3, text: "And so my fellow Americans," },
  { start: 3, end: 4, text: "ask not" },
  { start: 4, end: 5, text: "what" },
];
const { host } = startSpeechHost();
let dir: string;
let longAudio: string;

const tinyEn = (overrides: Partial<TranscribeInput> = {}): TranscribeInput => ({
  audioPath: JFK_WAV,
  model: { modelId: "whisper-tiny-en", dir: fixtures.whisperTinyEn },
  vad: SILERO,
  language: "auto",
  task: "transcribe",
  ...overrides,
});

const shifted = (offset: number) => EXPECTED.map((segment) => ({ ...segment, start: segment.start + offset, end: segment.end + offset }));

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "atelier-stt-"));
  longAudio = path.join(dir, "long.wav");
  await writeJfkMontage(longAudio, ["jfk", 20, "jfk", 40, "jfk", 3]);
});
afterAll(async () => {
  await host.stop();
});

describe("speech engine: transcription with the tiny Whisper", () => {
  it("transcribes jfk.wav in one VAD window, decoding the special and timestamp tokens into segments", async () => {
    const events: TranscribeEvent[] = [];
    const result = await host.call("stt.transcribe", tinyEn(), { onEvent: (event) => events.push(event) });
    expect(result).toMatchObject({ language: "en", usedVad: true, windows: 1 });
    const start = result.speech[0]?.start ?? -1;
    expect(start).toBeGreaterThan(0.2);
    expect(start).toBeLessThan(0.4);
    expect(result.segments).toEqual(shifted(start).map((s) => ({ ...s, start: expect.closeTo(s.start, 3), end: expect.closeTo(s.end, 3) })));
    expect(events.filter((event) => event.type !== "vad").map((event) => event.type)).toEqual(["planned", "window"]);
    expect(events.find((event) => event.type === "vad" && event.fraction === 1)).toBeDefined();
    // One encoder run, then one decoder step for the prompt and one after each of the 15 tokens.
    expect(result.timings.whisperRuns).toBe(1 + 1 + 15);
  });

  it("windows long audio at the silences the VAD finds, with progress per window and offsets added", async () => {
    const events: TranscribeEvent[] = [];
    const result = await host.call("stt.transcribe", tinyEn({ audioPath: longAudio }), { onEvent: (event) => events.push(event) });
    expect(result.durationSeconds).toBeGreaterThan(60);
    expect(result.windows).toBe(3);
    const windows = events.flatMap((event) => (event.type === "window" ? [event] : []));
    expect(windows.map((event) => `${event.window}/${event.windows}`)).toEqual(["1/3", "2/3", "3/3"]);
    const starts = windows.map((event) => event.segments[0]?.start ?? -1);
    expect(starts[1]).toBeCloseTo((starts[0] ?? 0) + 31, 0);
    expect(starts[2]).toBeCloseTo((starts[0] ?? 0) + 82, 0);
    expect(result.segments).toHaveLength(9);
    expect(result.segments.map((segment) => segment.text)).toEqual([...EXPECTED, ...EXPECTED, ...EXPECTED].map((segment) => segment.text));
  });

  it("falls back to back-to-back 30-second windows without a VAD model", async () => {
    const result = await host.call("stt.transcribe", tinyEn({ audioPath: longAudio, vad: undefined }));
    expect(result).toMatchObject({ usedVad: false, windows: 4, speech: [] });
    expect(result.segments.map((segment) => segment.start)).toEqual([0, 3, 4, 30, 33, 34, 60, 63, 64, 90, 93, 94]);
  });

  it("runs the split export (decoder_model + decoder_with_past_model) to the same result", async () => {
    const merged = await host.call("stt.transcribe", tinyEn());
    const split = await host.call("stt.transcribe", tinyEn({ model: { modelId: "split", dir: fixtures.whisperTinyEnSplit } }));
    expect(split.segments).toEqual(merged.segments);
  });

  it("detects the language with a multilingual model, and takes a chosen one", async () => {
    const model = { modelId: "multi", dir: fixtures.whisperMultilingual };
    const detected = await host.call("stt.transcribe", tinyEn({ model }));
    expect(detected.language).toBe("de");
    expect(detected.segments.map((segment) => segment.text)).toEqual(EXPECTED.map((segment) => segment.text));
    const chosen = await host.call("stt.transcribe", tinyEn({ model, language: "fr", task: "translate" }));
    expect(chosen.language).toBe("fr");
  });

  it("decodes MP3 and Ogg made from jfk.wav by the same ffmpeg", async () => {
    for (const [name, codec] of [["jfk.mp3", "libmp3lame"], ["jfk.ogg", "libvorbis"]] as const) {
      const file = path.join(dir, name);
      await runFfmpeg(["-i", JFK_WAV, "-c:a", codec, "-ar", "44100", "-y", file]);
      const result = await host.call("stt.transcribe", tinyEn({ audioPath: file }));
      expect(result.windows).toBe(1);
      expect(result.durationSeconds).toBeCloseTo(11, 0);
      expect(result.segments.map((segment) => segment.text)).toEqual(EXPECTED.map((segment) => segment.text));
    }
  });

  it("cancels between windows and keeps serving", async () => {
    const controller = new AbortController();
    const call = host.call("stt.transcribe", tinyEn({ audioPath: longAudio, vad: undefined }), {
      signal: controller.signal,
      onEvent: (event) => {
        if (event.type === "window") controller.abort();
      },
    });
    await expect(call).rejects.toMatchObject({ code: "CANCELLED" });
    expect((await host.call("stt.transcribe", tinyEn())).segments).toHaveLength(3);
  });

  it("refuses what it cannot do with the right error codes", async () => {
    await expect(host.call("stt.transcribe", tinyEn({ model: { modelId: "x", dir } }))).rejects.toMatchObject({ code: "MODEL_INCOMPATIBLE" });
    await expect(host.call("stt.transcribe", tinyEn({ language: "de" }))).rejects.toMatchObject({ code: "UNSUPPORTED" });
    await expect(host.call("stt.transcribe", tinyEn({ audioPath: fixtures.whisperTinyEn + "/config.json" }))).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(host.call("stt.transcribe", tinyEn({ vad: { modelId: "v", file: fixtures.whisperTinyEn + "/onnx/encoder_model.onnx" } }))).rejects.toMatchObject({ code: "MODEL_INCOMPATIBLE" });
    await expect(host.call("stt.transcribe", { ...tinyEn(), audioPath: "relative.wav" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });
});

describe("speech engine: VAD", () => {
  it("finds the speech in jfk.wav and none in silence", async () => {
    const fractions: number[] = [];
    const { speech, durationSeconds } = await host.call("stt.detectSpeech", { audioPath: JFK_WAV, vad: SILERO }, { onEvent: (e) => fractions.push(e.fraction) });
    expect(durationSeconds).toBe(11);
    expect(speech[0]?.start).toBeCloseTo(0.3, 1);
    expect(speech.at(-1)?.end).toBeGreaterThan(10.4);
    expect(fractions.at(-1)).toBe(1);
    const silence = path.join(dir, "silence.wav");
    await writeJfkMontage(silence, [8]);
    expect((await host.call("stt.detectSpeech", { audioPath: silence, vad: SILERO })).speech).toEqual([]);
  });
});
