import type { EngineName } from "../../shared/jobs";
import type { CacheMethods, EngineCacheConfig } from "../engines/cache-methods";
import { EngineHost } from "../engines/engine-host";
import type { EngineLiveness } from "../engines/engine-liveness";
import type { ImageMethods } from "../engines/image/methods";
import type { LlmMethods } from "../engines/llm/methods";
import type { OnnxMethods } from "../engines/onnx/methods";
import type { EngineLauncher, MethodMap } from "../engines/protocol";
import type { SpeechMethods } from "../engines/speech/methods";
import type { VideoMethods } from "../engines/video/methods";
import type { EventBus } from "../events/bus";
import type { Logger } from "../log/types";
import { ConfiguredEngine, type ManagedEngine } from "./configured-engine";
import { EngineMonitor } from "./engine-monitor";

export interface EngineFleetOptions {
  launcher: EngineLauncher;
  events: EventBus;
  logger: Logger;
  /** The cache limits from settings, read whenever an engine is (re)configured. */
  cacheConfig: () => EngineCacheConfig;
  /** How often running engines are asked what they hold (idle unloads happen inside them). */
  pollMs?: number;
  /** When a silent engine counts as hung, per engine; each engine's own limits (engine-liveness.ts) unless given. */
  liveness?: Partial<Record<EngineName, Partial<EngineLiveness>>>;
}

/**
 * Every engine process, each started on first use, configured with the cache limits on
 * start and on settings changes, and watched for `engines.status`. Unloading asks every
 * running engine, since any of them may hold the model.
 */
export class EngineFleet {
  readonly monitor: EngineMonitor;
  readonly llm: ConfiguredEngine<LlmMethods>;
  readonly image: ConfiguredEngine<ImageMethods>;
  readonly speech: ConfiguredEngine<SpeechMethods>;
  readonly video: ConfiguredEngine<VideoMethods>;
  readonly onnx: ConfiguredEngine<OnnxMethods>;
  private readonly all: ManagedEngine[] = [];
  /** The limits last sent, so that unrelated settings changes do not restart the engines' idle timers. */
  private lastConfig: string;

  constructor(private readonly options: EngineFleetOptions) {
    this.lastConfig = JSON.stringify(options.cacheConfig());
    this.monitor = new EngineMonitor(options.events, options.logger, options.pollMs);
    // The order here is the order of the status bar.
    this.llm = this.manage<LlmMethods>("llm");
    this.image = this.manage<ImageMethods>("image");
    this.speech = this.manage<SpeechMethods>("speech");
    this.video = this.manage<VideoMethods>("video");
    this.onnx = this.manage<OnnxMethods>("onnx");
  }

  /** Every engine, started or not. */
  list(): readonly ManagedEngine[] {
    return this.all;
  }

  /** Frees the model in every engine that holds it; true if any did. Stopped engines are left alone. */
  async unload(modelId: string): Promise<boolean> {
    return (await Promise.all(this.all.map((engine) => engine.unload(modelId)))).some(Boolean);
  }

  /** Settings changed: running engines get new limits now, the others when they start. */
  reconfigure(): void {
    const config = JSON.stringify(this.options.cacheConfig());
    if (config === this.lastConfig) return;
    this.lastConfig = config;
    for (const engine of this.all) engine.reconfigure();
  }

  async stop(): Promise<void> {
    this.monitor.dispose();
    await Promise.all(this.all.map((engine) => engine.stop()));
  }

  private manage<M extends MethodMap & CacheMethods>(name: EngineName): ConfiguredEngine<M> {
    const { launcher, logger, cacheConfig, liveness } = this.options;
    const host = new EngineHost<M>({
      engine: name,
      launcher,
      logger,
      ...(liveness?.[name] ? { liveness: liveness[name] } : {}),
      // Runs only once a process starts, after `configured` exists.
      onStateChange: (state) => {
        if (state === "stopped" || state === "crashed") configured.processChanged();
        this.monitor.stateChanged(name, state);
      },
    });
    const configured = new ConfiguredEngine<M>(host, cacheConfig, logger, () => this.monitor.refresh(name));
    this.monitor.watch(configured);
    this.all.push(configured);
    return configured;
  }
}
