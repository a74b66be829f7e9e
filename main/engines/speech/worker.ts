import { createCacheHandlers } from "../cache-handlers";
import { runWorker } from "../worker-runtime";
import type { SpeechMethods } from "./methods";
import { createSttHandlers } from "./stt-handlers";
import { SttModels } from "./stt-models";
import { createTtsHandlers } from "./tts/tts-handlers";
import { TtsModels } from "./tts/tts-models";

/** Entry of the speech engine process (built to out/main/engine-speech.js): transcription, VAD and voices. */
const stt = new SttModels((message) => worker.log("warn", message));
const tts = new TtsModels((level, message) => worker.log(level, message));
const worker = runWorker<SpeechMethods>(
  {
    ...createSttHandlers(stt),
    ...createTtsHandlers(tts, (level, message) => worker.log(level, message)),
    ...createCacheHandlers([stt, tts]),
  },
  {
    dispose: async () => {
      await stt.clear();
      await tts.clear();
    },
  },
);
