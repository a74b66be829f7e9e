import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { decodeToMono16k } from "../audio/decode";
import { parseDataUrl } from "../audio/audio-formats";
import { decodeWavMono, readWavInfo } from "../audio/wav";
import { SENTENCE_PAUSE_SECONDS } from "./tts-clip";
import { installOnnxModel } from "../models/testing/install-onnx-model";
import { openTtsRig, type TtsTestRig } from "./tts-test-kit";

const fixtures = inject("speechFixtures");
const SENTENCES = ["Hello world.", "This is the second sentence, a little longer.", "Third.", "And the fourth one ends it."];
let rig: TtsTestRig;

beforeAll(async () => {
  rig = await openTtsRig();
  await installOnnxModel(rig.dataDir, path.dirname(fixtures.piperVoice.onnx), { id: "tiny-voice", family: "tts" });
  await installOnnxModel(rig.dataDir, path.dirname(fixtures.piperMultiVoice.onnx), { id: "duo-voice", family: "tts" });
  await installOnnxModel(rig.dataDir, fixtures.kokoro, { id: "kokoro-tiny", family: "tts" });
});
afterAll(() => rig.close());

async function speakAndWait(request: Parameters<TtsTestRig["tts"]["speak"]>[0]) {
  const { jobId } = await rig.tts.speak(request);
  const job = await rig.jobs.whenFinished(jobId);
  return { jobId, job, chunks: rig.of("speech.chunk").filter((chunk) => chunk.jobId === jobId) };
}

const request = (text: string, extra: Partial<Parameters<TtsTestRig["tts"]["speak"]>[0]> = {}) => ({
  voiceId: "tiny-voice",
  text,
  speed: 1,
  format: "wav" as const,
  ...extra,
});

describe("speaking text as a job", () => {
  it("lists the installed voices with language, sample rate and speakers", async () => {
    const voices = await rig.tts.voices();
    expect(voices).toEqual(
      expect.arrayContaining([
        { id: "tiny-voice", name: "tiny-voice", engine: "piper", language: "en-US", sampleRate: 22050, speakers: [] },
        { id: "duo-voice", name: "duo-voice", engine: "piper", language: "en-US", sampleRate: 22050, speakers: ["alice", "bob"] },
        { id: "kokoro-tiny", name: "kokoro-tiny", engine: "kokoro", language: "en", sampleRate: 24000, speakers: ["af_heart", "am_adam"] },
      ]),
    );
  });

  it("sends one playable chunk per sentence, in order, with progress, and keeps the whole clip", async () => {
    const { jobId, job, chunks } = await speakAndWait(request(SENTENCES.join(" ")));
    expect(job.status).toBe("succeeded");
    expect(chunks.map((chunk) => [chunk.index, chunk.total, chunk.text])).toEqual(SENTENCES.map((text, index) => [index, 4, text]));
    const chunkAudio = chunks.map((chunk) => parseDataUrl(chunk.dataUrl));
    expect(chunkAudio.every((audio) => audio.mimeType === "audio/wav" && readWavInfo(audio.bytes).sampleRate === 22050)).toBe(true);
    // Every chunk but the last carries the pause after its sentence, so the chunks played in a row make the clip.
    const decoded = chunkAudio.map((audio) => decodeWavMono(audio.bytes)?.samples ?? new Float32Array(0));
    const pause = Math.round(SENTENCE_PAUSE_SECONDS * 22050);
    const endsSilent = (samples: Float32Array) => samples.subarray(samples.length - pause).every((value) => value === 0);
    expect(decoded.map(endsSilent)).toEqual([true, true, true, false]);
    const lengths = decoded.map((samples) => samples.length);
    const steps = rig.of("job.updated").filter((update) => update.id === jobId && update.progress.step !== undefined);
    expect(steps.at(-1)?.progress).toMatchObject({ step: 4, total: 4, fraction: 1 });
    const stepNumbers = steps.map((update) => update.progress.step ?? 0);
    expect(stepNumbers).toEqual([...stepNumbers].sort((a, b) => a - b));

    const audioId = (job.result as { audioId: string }).audioId;
    expect(await rig.library.get(audioId)).toMatchObject({ kind: "speech", text: SENTENCES.join(" "), voiceId: "tiny-voice", sampleRate: 22050, mimeType: "audio/wav" });
    const clip = await readFile(await rig.library.filePath(audioId));
    expect(clip.toString("ascii", 0, 4)).toBe("RIFF");
    expect(readWavInfo(clip)).toMatchObject({ sampleRate: 22050, channels: 1 });
    expect(decodeWavMono(clip)?.samples.length).toBe(lengths.reduce((sum, length) => sum + length, 0));
  });

  it("makes longer clips from longer text", async () => {
    const short = await speakAndWait(request("Hi."));
    const long = await speakAndWait(request("Hi there, this is a considerably longer sentence to speak."));
    const seconds = (job: typeof short.job) => (job.result as { durationSeconds: number }).durationSeconds;
    expect(seconds(long.job)).toBeGreaterThan(3 * seconds(short.job));
  });

  it("stops between sentences when cancelled, saving nothing", async () => {
    const text = Array.from({ length: 40 }, (_, i) => `This is sentence number ${i + 1}.`).join(" ");
    const savedBefore = (await rig.library.list()).length;
    const { jobId } = await rig.tts.speak(request(text));
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (rig.of("speech.chunk").some((chunk) => chunk.jobId === jobId)) resolve(clearInterval(poll));
      }, 2);
    });
    rig.jobs.cancel(jobId);
    const job = await rig.jobs.whenFinished(jobId);
    expect(job.status).toBe("cancelled");
    const chunks = rig.of("speech.chunk").filter((chunk) => chunk.jobId === jobId);
    expect(chunks.length).toBeGreaterThan(0);
    expect(chunks.length).toBeLessThan(40);
    expect(await rig.library.list()).toHaveLength(savedBefore);
  });

  it.each([
    ["mp3", "audio/mpeg"],
    ["ogg", "audio/ogg"],
  ] as const)("saves %s through ffmpeg, and it decodes back to the same length", async (format, mimeType) => {
    const { job } = await speakAndWait(request("Encoded speech. Two sentences of it.", { format }));
    const { durationSeconds, audioId } = job.result as { durationSeconds: number; audioId: string };
    expect(await rig.library.get(audioId)).toMatchObject({ mimeType, file: expect.stringMatching(new RegExp(`\\.${format}$`)) });
    const bytes = await readFile(await rig.library.filePath(audioId));
    if (format === "ogg") expect(bytes.toString("ascii", 0, 4)).toBe("OggS");
    else expect(bytes.toString("ascii", 0, 3) === "ID3" || (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0)).toBe(true);
    const decoded = await decodeToMono16k(bytes);
    expect(Math.abs(decoded.length / 16000 - durationSeconds)).toBeLessThan(0.08);
  });

  it("speaks with a chosen speaker and with Kokoro", async () => {
    const duo = await speakAndWait(request("Hello from Bob.", { voiceId: "duo-voice", speaker: "bob" }));
    expect(duo.job.status).toBe("succeeded");
    const kokoro = await speakAndWait(request("Hello from Kokoro. Second line.", { voiceId: "kokoro-tiny", speaker: "am_adam" }));
    expect(kokoro.job.status).toBe("succeeded");
    expect(kokoro.chunks.map((chunk) => readWavInfo(parseDataUrl(chunk.dataUrl).bytes).sampleRate)).toEqual([24000, 24000]);
  });

  it("refuses bad requests before any job starts", async () => {
    await expect(rig.tts.speak(request("Hi.", { voiceId: "duo-voice", speaker: "carol" }))).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(rig.tts.speak(request("… ?!"))).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(rig.tts.speak(request("Hi.", { voiceId: "no-such-voice" }))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
