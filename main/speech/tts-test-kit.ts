import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { EventName, EventPayload } from "../../shared/contract";
import { EngineHost } from "../engines/engine-host";
import { createNodeLauncher } from "../engines/node-launcher";
import type { SpeechMethods } from "../engines/speech/methods";
import { BUILT_WORKER_DIR, memoryLogger } from "../engines/testing/engine-test-support";
import { createEventBus, type EventTuple } from "../events/bus";
import { JobQueue } from "../jobs/job-queue";
import { JobStore } from "../jobs/job-store";
import { MemoryBroker } from "../models/memory-broker";
import { ModelService } from "../models/model-service";
import { AudioLibrary } from "./audio-library";
import { TtsService } from "./tts-service";

export interface TtsTestRig {
  tts: TtsService;
  jobs: JobQueue;
  library: AudioLibrary;
  dataDir: string;
  /** Every event emitted so far, in order. */
  events: EventTuple[];
  of<E extends EventName>(name: E): EventPayload<E>[];
  close(): Promise<void>;
}

/** A TtsService on the real pieces: built speech engine, job queue, model service and audio library over a temp data dir. */
export async function openTtsRig(): Promise<TtsTestRig> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "atelier-tts-"));
  const logger = memoryLogger();
  const bus = createEventBus(logger);
  const events: EventTuple[] = [];
  bus.subscribe((...event) => void events.push(event));
  const jobs = await JobQueue.open({ events: bus, logger, store: new JobStore(path.join(dataDir, "jobs.json"), logger), concurrency: () => 1 });
  const engine = new EngineHost<SpeechMethods>({ engine: "speech", launcher: createNodeLauncher(BUILT_WORKER_DIR, logger), logger });
  const models = new ModelService(path.join(dataDir, "models"), bus, logger);
  const library = new AudioLibrary(path.join(dataDir, "library", "audio"), bus, logger);
  // One engine and no others: the broker has nothing to unload, but runs as in the host.
  const memory = new MemoryBroker({ engines: () => [], getModel: (id) => models.get(id), budgetBytes: () => Number.POSITIVE_INFINITY, logger });
  const tts = new TtsService({ engine, memory, jobs, events: bus, models, clips: library, logger });
  return {
    tts,
    jobs,
    library,
    dataDir,
    events,
    of: <E extends EventName>(name: E) => events.filter(([event]) => event === name).map(([, payload]) => payload as EventPayload<E>),
    async close() {
      await jobs.dispose();
      await engine.stop();
    },
  };
}
