import path from "node:path";
import type { Job } from "../../shared/jobs";
import type { TranscribeResult } from "../../main/speech/transcription-service";
import { installOnnxModel } from "../../main/models/testing/install-onnx-model";
import { fileDataUrl, SILERO_ONNX } from "../../main/speech/speech-test-kit";
import { writeJfkMontage } from "../../main/engines/speech/stt-test-kit";
import { TINY_WHISPER } from "../fixtures/whisper/tiny-whisper-graphs";
import { ensureWhisperFixtures } from "../fixtures/whisper/whisper-fixtures";
import { median } from "./bench-config";
import { startServeProcess } from "./serve-process";
import { openRawSessions } from "./speech-raw-sessions";
import { BenchClient } from "./ws-client";

const RUNS = 5;
/** Two minutes: six jfk.wav copies between silences, so the VAD cuts several windows. */
const MONTAGE = ["jfk", 2, "jfk", 12, "jfk", 1, "jfk", 25, "jfk", 4, "jfk", 10] as const;

interface StackRun {
  totalMs: number;
  result: TranscribeResult;
}

/** One speech.transcribe through WebSocket → host → job → speech engine, timed at the client until the job succeeded. */
async function transcribeOnce(client: BenchClient, audioId: string): Promise<StackRun> {
  let jobId = "";
  const done = new Promise<Job>((resolve) => {
    const off = client.onEvent((event, payload) => {
      const job = payload as Job;
      if (event === "job.updated" && job.id === jobId && ["succeeded", "failed", "cancelled"].includes(job.status)) {
        off();
        resolve(job);
      }
    });
  });
  const started = performance.now();
  jobId = (await client.invoke("speech.transcribe", { audioId, modelId: "tiny-whisper" })).jobId;
  const job = await done;
  const totalMs = performance.now() - started;
  if (job.status !== "succeeded") throw new Error(`speech.transcribe ${job.status}: ${job.error?.message ?? ""}`);
  return { totalMs, result: job.result as TranscribeResult };
}

/** `npm run bench` part: transcription against its raw session.run time, and the real-time factor. */
export async function benchSpeechTranscribe(): Promise<void> {
  const fixtures = await ensureWhisperFixtures(path.resolve(".fixtures"));
  const server = await startServeProcess([], {});
  const client = await BenchClient.connect(server.url);
  try {
    const audioFile = path.join(server.dataDir, "montage.wav");
    const audioSeconds = await writeJfkMontage(audioFile, MONTAGE);
    await installOnnxModel(server.dataDir, fixtures.whisperTinyEn, { id: "tiny-whisper", family: "stt" });
    await installOnnxModel(server.dataDir, SILERO_ONNX, { id: "silero-vad", family: "vad" });
    await client.invoke("models.refresh", {});
    const audio = await client.invoke("audio.import", { name: "montage.wav", kind: "upload", dataUrl: await fileDataUrl(audioFile, "audio/wav") });
    const raw = await openRawSessions(audioFile, fixtures.whisperTinyEn, SILERO_ONNX, TINY_WHISPER);
    await transcribeOnce(client, audio.id); // warm-up: engine start, session loads
    await raw.run();
    const stack: StackRun[] = [];
    const rawMs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      rawMs.push(await raw.run());
      stack.push(await transcribeOnce(client, audio.id));
    }
    await raw.close();

    const total = median(stack.map((run) => run.totalMs));
    const base = median(rawMs);
    const part = (pick: (run: StackRun) => number): string => median(stack.map(pick)).toFixed(0);
    const first = stack[0]?.result;
    console.log(`STT (GENERATED tiny Whisper: d_model ${TINY_WHISPER.dModel}, ${TINY_WHISPER.layers} layers, not real weights; real Silero VAD;`);
    console.log(`     ${audioSeconds.toFixed(0)} s of audio, ${first?.windows ?? 0} VAD windows, ${first?.segments ?? 0} segments, ${RUNS} runs, medians)`);
    console.log(`  raw session.run (VAD + encoder + decoder steps, in-process)  ${base.toFixed(0)} ms`);
    console.log(`  whole stack (request → job succeeded)                       ${total.toFixed(0)} ms`);
    console.log(
      `    in the engine: audio ${part((r) => r.result.timings.decodeAudioMs)} ms, VAD ${part((r) => r.result.timings.vadMs)} ms, ` +
        `log-mel ${part((r) => r.result.timings.featuresMs)} ms, Whisper runs ${part((r) => r.result.timings.whisperRunMs)} ms ` +
        `(${first?.timings.whisperRuns ?? 0} runs), call total ${part((r) => r.result.timings.totalMs)} ms`,
    );
    console.log(`  overhead over raw session.run: +${(total - base).toFixed(0)} ms (${(total / base).toFixed(2)}x)`);
    console.log(`  real-time factor ${(total / 1000 / audioSeconds).toFixed(4)} (${(audioSeconds / (total / 1000)).toFixed(0)}x faster than real time)`);
  } finally {
    client.close();
    await server.stop();
  }
}
