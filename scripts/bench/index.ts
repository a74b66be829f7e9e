import { benchDownload } from "./download-throughput";
import { benchHeartbeat } from "./heartbeat-bench";
import { benchImagePipeline } from "./image-pipeline";
import { benchLlm } from "./llm-bench";
import { benchMotionPipeline } from "./motion-pipeline";
import { benchSpeechTranscribe } from "./speech-transcribe";
import { benchSpeechTts } from "./speech-tts";
import { benchVideoExport } from "./video-export";
import { benchRife } from "./video-interpolate";

/**
 * `npm run bench [-- name…]`: every figure is a ratio against a baseline measured in the same run,
 * because these machines are shared and noisy. Names pick some benchmarks; none runs them all.
 */
const benches = { llm: benchLlm, heartbeat: benchHeartbeat, tts: benchSpeechTts, stt: benchSpeechTranscribe, image: benchImagePipeline, motion: benchMotionPipeline, rife: benchRife, "clip-export": benchVideoExport, download: benchDownload };
const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(name in benches));
if (unknown.length > 0) {
  console.error(`Unknown benchmark ${unknown.join(", ")}; choose from ${Object.keys(benches).join(", ")}.`);
  process.exit(2);
}
for (const [name, bench] of Object.entries(benches)) {
  if (asked.length === 0 || asked.includes(name)) await bench();
}
