import { benchDownload } from "./download-throughput";
import { benchImagePipeline } from "./image-pipeline";
import { benchLlm } from "./llm-bench";
import { benchSpeechTranscribe } from "./speech-transcribe";
import { benchSpeechTts } from "./speech-tts";

/**
 * `npm run bench`: every figure is a ratio against a baseline measured in the same run,
 * because these machines are shared and noisy.
 */
await benchLlm();
await benchSpeechTts();
await benchSpeechTranscribe();
await benchImagePipeline();
await benchDownload();
