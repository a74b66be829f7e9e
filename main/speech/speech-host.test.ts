import { existsSync } from "node:fs";
import { mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { runFfmpeg } from "../audio/ffmpeg";
import type { Host } from "../host";
import { errorCodeOf, EventLog, invoke, openTestHost, openTestHostWith, tempDataDir } from "../host-test-kit";
import { installOnnxModel } from "../models/testing/install-onnx-model";
import { fileDataUrl, JFK_WAV, installSpeechModels } from "./speech-test-kit";

const fixtures = inject("speechFixtures");
let host: Host;
let log: EventLog;
let dataDir: string;

beforeAll(async () => {
  ({ host, log, dataDir } = await openTestHostWith(async (dir) => {
    await installSpeechModels(dir, ["whisper-tiny-en", "silero-vad"]);
  }));
});
afterAll(async () => {
  await host.dispose();
});

describe("speech studio through the router", () => {
  it("imports jfk.wav into the audio library, lists, reads and detects its speech", async () => {
    const item = await invoke(host, "audio.import", { name: "jfk.wav", kind: "upload", dataUrl: await fileDataUrl(JFK_WAV, "audio/wav") });
    expect(item).toMatchObject({ name: "jfk.wav", kind: "upload", mimeType: "audio/wav", durationSeconds: 11, sampleRate: 16_000 });
    expect(log.of("audio.changed").some((event) => event.item?.id === item.id)).toBe(true);
    expect(await readdir(path.join(dataDir, "library", "audio"))).toEqual(expect.arrayContaining([item.file, `${item.id}.json`]));
    expect((await invoke(host, "audio.list", {})).map((listed) => listed.id)).toContain(item.id);
    expect((await invoke(host, "audio.read", { id: item.id })).dataUrl).toBe(await fileDataUrl(JFK_WAV, "audio/wav"));
    const { speech } = await invoke(host, "audio.detectSpeech", { id: item.id });
    expect(speech[0]?.start).toBeCloseTo(0.3, 1);
    expect(speech.at(-1)?.end).toBeGreaterThan(10.4);
  });

  it("keeps an M4A as received, and reads it back as a WAV any browser plays", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "atelier-m4a-"));
    const m4a = path.join(dir, "jfk.m4a");
    await runFfmpeg(["-i", JFK_WAV, "-c:a", "aac", "-ar", "44100", "-ac", "2", "-y", m4a]);
    const item = await invoke(host, "audio.import", { name: "jfk.m4a", kind: "recording", dataUrl: await fileDataUrl(m4a, "audio/mp4") });
    expect(item).toMatchObject({ file: `${item.id}.m4a`, sampleRate: 44_100, kind: "recording" });
    expect(item.durationSeconds).toBeCloseTo(11, 0);
    const { dataUrl } = await invoke(host, "audio.read", { id: item.id });
    const wav = Buffer.from(dataUrl.slice(dataUrl.indexOf(",") + 1), "base64");
    expect(dataUrl.startsWith("data:audio/wav;base64,")).toBe(true);
    expect(wav.toString("ascii", 0, 4) + wav.toString("ascii", 8, 12)).toBe("RIFFWAVE");
    expect(wav.readUInt32LE(24)).toBe(44_100);
  });

  it("refuses audio it cannot decode and stores nothing", async () => {
    const before = (await invoke(host, "audio.list", {})).length;
    const garbage = `data:audio/mpeg;base64,${Buffer.from("not really an mp3 file ".repeat(50)).toString("base64")}`;
    expect(await errorCodeOf(invoke(host, "audio.import", { name: "x.mp3", kind: "upload", dataUrl: garbage }))).toBe("INVALID_INPUT");
    expect(await invoke(host, "audio.list", {})).toHaveLength(before);
  });

  it("transcribes as a job with progress per window, saves the transcript and exports it", async () => {
    const item = await invoke(host, "audio.import", { name: "speech.wav", kind: "upload", dataUrl: await fileDataUrl(JFK_WAV, "audio/wav") });
    const { jobId } = await invoke(host, "speech.transcribe", { audioId: item.id, modelId: "whisper-tiny-en" });
    const job = await log.finalJob(jobId);
    expect(job).toMatchObject({ status: "succeeded", kind: "speech.transcribe", engine: "speech", progress: { fraction: 1 } });
    const steps = log.of("job.updated").filter((update) => update.id === jobId && update.progress.step !== undefined);
    expect(steps.at(-1)?.progress).toMatchObject({ step: 1, total: 1, message: "Window 1 of 1" });
    const result = job.result as { transcriptId: string; usedVad: boolean; segments: number };
    expect(result).toMatchObject({ usedVad: true, segments: 3 });

    const [transcript] = await invoke(host, "speech.transcripts", { audioId: item.id });
    expect(transcript?.id).toBe(result.transcriptId);
    expect(transcript).toMatchObject({ audioId: item.id, modelId: "whisper-tiny-en", language: "en", task: "transcribe" });
    expect(transcript?.segments.map((segment) => segment.text)).toEqual(["And so my fellow Americans,", "ask not", "what"]);
    expect(transcript?.speech[0]?.start).toBeCloseTo(0.3, 1);
    expect(log.of("transcript.updated").some((event) => event.id === result.transcriptId)).toBe(true);
    expect(existsSync(path.join(dataDir, "library", "transcripts", `${result.transcriptId}.json`))).toBe(true);

    const edited = await invoke(host, "speech.updateTranscript", {
      id: result.transcriptId,
      segments: [{ id: 7, start: 5, end: 6.5, text: "edited second" }, { id: 2, start: 1, end: 2, text: "edited first" }],
    });
    expect(edited.segments.map((segment) => segment.text)).toEqual(["edited first", "edited second"]);
    const srt = await invoke(host, "speech.exportTranscript", { id: result.transcriptId, format: "srt" });
    expect(srt).toEqual({ filename: "speech.srt", mimeType: "application/x-subrip", content: "1\n00:00:01,000 --> 00:00:02,000\nedited first\n\n2\n00:00:05,000 --> 00:00:06,500\nedited second\n" });
    const vtt = await invoke(host, "speech.exportTranscript", { id: result.transcriptId, format: "vtt" });
    expect(vtt.content).toBe("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nedited first\n\n00:00:05.000 --> 00:00:06.500\nedited second\n");

    await invoke(host, "audio.delete", { id: item.id });
    expect(await invoke(host, "speech.transcripts", { audioId: item.id })).toEqual([]);
    expect(await errorCodeOf(invoke(host, "speech.exportTranscript", { id: result.transcriptId, format: "txt" }))).toBe("NOT_FOUND");
  });

  it("answers unknown ids with NOT_FOUND and a model of the wrong family with MODEL_INCOMPATIBLE", async () => {
    const [item] = await invoke(host, "audio.list", {});
    const audioId = item?.id ?? "";
    expect(await errorCodeOf(invoke(host, "speech.transcribe", { audioId: "audio-missing", modelId: "whisper-tiny-en" }))).toBe("NOT_FOUND");
    expect(await errorCodeOf(invoke(host, "speech.transcribe", { audioId, modelId: "no-such-model" }))).toBe("NOT_FOUND");
    expect(await errorCodeOf(invoke(host, "speech.transcribe", { audioId, modelId: "silero-vad" }))).toBe("MODEL_INCOMPATIBLE");
    expect(await errorCodeOf(invoke(host, "audio.detectSpeech", { id: audioId, modelId: "whisper-tiny-en" }))).toBe("MODEL_INCOMPATIBLE");
    expect(await errorCodeOf(invoke(host, "audio.read", { id: "audio-missing" }))).toBe("NOT_FOUND");
    expect(await errorCodeOf(invoke(host, "audio.delete", { id: "audio-missing" }))).toBe("NOT_FOUND");
    expect(await errorCodeOf(invoke(host, "speech.updateTranscript", { id: "t-missing", segments: [] }))).toBe("NOT_FOUND");
    expect(await errorCodeOf(invoke(host, "speech.deleteTranscript", { id: "t-missing" }))).toBe("NOT_FOUND");
  });
});

describe("speech studio without a VAD model", () => {
  it("says so in the job, windows every 30 seconds, and can be cancelled", async () => {
    const bare = await openTestHost(await tempDataDir());
    const events = new EventLog(bare);
    try {
      await installOnnxModel(await invoke(bare, "app.info", {}).then((info) => info.dataDir), fixtures.whisperTinyEn, { id: "whisper", family: "stt" });
      await invoke(bare, "models.refresh", {});
      const item = await invoke(bare, "audio.import", { name: "jfk", kind: "upload", dataUrl: await fileDataUrl(JFK_WAV, "audio/wav") });
      expect(await errorCodeOf(invoke(bare, "audio.detectSpeech", { id: item.id }))).toBe("MODEL_NOT_INSTALLED");
      const { jobId } = await invoke(bare, "speech.transcribe", { audioId: item.id, modelId: "whisper" });
      const done = await events.finalJob(jobId);
      expect(done.status).toBe("succeeded");
      const messages = events.of("job.updated").filter((job) => job.id === jobId).map((job) => job.progress.message ?? "");
      expect(messages.some((message) => message.includes("no VAD model installed"))).toBe(true);
      expect((done.result as { usedVad: boolean }).usedVad).toBe(false);

      const second = await invoke(bare, "speech.transcribe", { audioId: item.id, modelId: "whisper" });
      await events.waitFor("job.updated", (job) => job.id === second.jobId && job.status === "running");
      await invoke(bare, "jobs.cancel", { id: second.jobId });
      expect((await events.finalJob(second.jobId)).status).toBe("cancelled");
    } finally {
      await bare.dispose();
    }
  });
});
