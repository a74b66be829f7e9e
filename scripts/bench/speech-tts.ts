import path from "node:path";
import type { Job } from "../../shared/jobs";
import { ensureTtsFixtures } from "../fixtures/tts-fixtures";
import { installOnnxModel } from "../../main/models/testing/install-onnx-model";
import { median } from "./bench-config";
import { startServeProcess } from "./serve-process";
import { BenchClient } from "./ws-client";

/** Eight sentences of ordinary prose: the first plays while the other seven render. */
export const TTS_BENCH_TEXT = [
  "The studio was quiet in the early morning.",
  "A single lamp lit the desk, and the coffee had gone cold hours ago.",
  "She read the script aloud, slowly, listening to every pause.",
  "Outside, the city was only beginning to wake.",
  "Trucks rolled past, and somewhere a dog barked twice.",
  "By noon the first chapter was recorded.",
  "It sounded better than she had hoped, clear and warm and calm.",
  "Tomorrow she would start the second one.",
].join(" ");
const RUNS = 7;

export interface TtsRun {
  firstChunkMs: number;
  totalMs: number;
  chunks: number;
  audioSeconds: number;
}

/** One speech.speak through WebSocket → host → speech engine, timed at the client like the UI. */
async function speakOnce(client: BenchClient, voiceId: string): Promise<TtsRun> {
  let jobId = "";
  let firstChunkAt = 0;
  let chunks = 0;
  const startAt = performance.now();
  const done = new Promise<Job>((resolve) => {
    const off = client.onEvent((event, payload) => {
      if (event === "speech.chunk" && (payload as { jobId: string }).jobId === jobId) {
        chunks++;
        if (firstChunkAt === 0) firstChunkAt = performance.now();
      }
      const job = payload as Job;
      if (event === "job.updated" && job.id === jobId && ["succeeded", "failed", "cancelled"].includes(job.status)) {
        off();
        resolve(job);
      }
    });
  });
  jobId = (await client.invoke("speech.speak", { voiceId, text: TTS_BENCH_TEXT })).jobId;
  const job = await done;
  const endAt = performance.now();
  if (job.status !== "succeeded") throw new Error(`speech.speak ${job.status}: ${job.error?.message ?? ""}`);
  const result = job.result as { durationSeconds: number };
  return { firstChunkMs: firstChunkAt - startAt, totalMs: endAt - startAt, chunks, audioSeconds: result.durationSeconds };
}

/** `npm run bench` part: TTS time to first audio against the total, on the generated Piper voice. */
export async function benchSpeechTts(): Promise<void> {
  const fixtures = await ensureTtsFixtures(path.resolve(".fixtures"));
  const server = await startServeProcess([], {});
  const client = await BenchClient.connect(server.url);
  try {
    await installOnnxModel(server.dataDir, path.dirname(fixtures.piperVoice.onnx), { id: "tiny-piper-voice", family: "tts" });
    await client.invoke("models.refresh", {});
    await speakOnce(client, "tiny-piper-voice"); // warm-up: engine start, phonemizer, session load
    const runs: TtsRun[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await speakOnce(client, "tiny-piper-voice"));
    const firsts = runs.map((run) => run.firstChunkMs);
    const totals = runs.map((run) => run.totalMs);
    const first = median(firsts);
    const total = median(totals);
    const range = (values: number[]) => `${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)} ms`;
    const audio = median(runs.map((run) => run.audioSeconds));
    console.log(`TTS (tiny Piper voice, ${runs[0]?.chunks ?? 0} sentences, ${audio.toFixed(1)} s of audio, ${RUNS} runs, medians, whole stack)`);
    console.log(`  time to first audio ${first.toFixed(1)} ms (${range(firsts)}; first speech.chunk at the client)`);
    console.log(`  total ${total.toFixed(1)} ms (${range(totals)}; job succeeded, clip saved to the library)`);
    console.log(`  first audio after ${((first / total) * 100).toFixed(0)}% of the total; ${(audio / (total / 1000)).toFixed(0)}x real time`);
  } finally {
    client.close();
    await server.stop();
  }
}
