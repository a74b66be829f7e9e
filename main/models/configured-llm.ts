import type { LlmCacheConfig, LlmMethods } from "../engines/llm/methods";
import type { CallOptions, EngineClient } from "../engines/protocol";
import type { Logger } from "../log/types";

/**
 * The LLM engine as services use it: every process it starts receives the cache
 * configuration before its first real call, and again whenever settings change.
 * The process still starts lazily, on first use.
 */
export class ConfiguredLlm implements EngineClient<LlmMethods> {
  readonly engine = "llm" as const;
  private configured = false;
  private configuring: Promise<void> | undefined;

  constructor(
    private readonly inner: EngineClient<LlmMethods>,
    private readonly config: () => LlmCacheConfig,
    private readonly logger: Logger,
    /** After any call that may have loaded or unloaded a model. */
    private readonly afterModelCall: () => Promise<void> = async () => undefined,
  ) {}

  get state() {
    return this.inner.state;
  }

  get pid() {
    return this.inner.pid;
  }

  async call<K extends keyof LlmMethods & string>(
    method: K,
    input: LlmMethods[K]["input"],
    options?: CallOptions<LlmMethods[K]["event"]>,
  ): Promise<LlmMethods[K]["output"]> {
    if (method !== "configure") await this.ensureConfigured();
    try {
      return await this.inner.call(method, input, options);
    } finally {
      // After a load the caller reads the engine status next: it must already be current.
      if (method === "load") await this.afterModelCall();
      else if (method === "generate" || method === "unload") void this.afterModelCall();
    }
  }

  /** Frees a model if the engine holds it; a stopped engine holds nothing, and is not started for this. */
  async unload(modelId: string): Promise<boolean> {
    if (this.inner.state !== "ready") return false;
    const { unloaded } = await this.call("unload", { modelId });
    await this.afterModelCall(); // so the engine status a caller reads next is already current
    return unloaded;
  }

  stop(): Promise<void> {
    return this.inner.stop();
  }

  /** The process went away (stopped or crashed): its successor must be configured again. */
  processChanged(): void {
    this.configured = false;
  }

  /** Settings changed: a running process gets the new limits now, a stopped one on start. */
  reconfigure(): void {
    this.configured = false;
    if (this.inner.state !== "ready") return;
    this.ensureConfigured().catch((error: unknown) => {
      this.logger.log("warn", "engines", "Could not send the new cache limits to the LLM engine", { error });
    });
  }

  private ensureConfigured(): Promise<void> {
    if (this.configured) return Promise.resolve();
    this.configuring ??= this.inner
      .call("configure", this.config())
      .then(() => {
        this.configured = true;
      })
      .finally(() => {
        this.configuring = undefined;
      });
    return this.configuring;
  }
}
