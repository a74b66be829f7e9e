import type { EngineName } from "../../shared/jobs";
import type { EngineStatus, LoadedModel } from "../../shared/models";
import type { CacheMethods, EngineCacheConfig } from "../engines/cache-methods";
import { answerWithin } from "../engines/launched-process";
import type { CallOptions, EngineClient, MethodMap } from "../engines/protocol";
import type { Logger } from "../log/types";

/** What the host does with any engine, whatever its methods: the fleet's view of one engine. */
export interface ManagedEngine {
  readonly engine: EngineName;
  readonly state: EngineStatus["state"];
  readonly pid: number | undefined;
  /** The models the running process holds; its last answer if it does not answer at once (busy or hung). */
  loaded(): Promise<LoadedModel[]>;
  /**
   * Frees a model if the engine holds it (when its job ends if one is using it; with `ifIdle`,
   * only if none is, and false if the engine does not answer at once); a stopped engine holds
   * nothing, and is not started for this.
   */
  unload(modelId: string, options?: { ifIdle?: boolean }): Promise<boolean>;
  /** Settings changed: a running process gets the new limits now, a stopped one on start. */
  reconfigure(): void;
  /** The process went away (stopped or crashed): its successor must be configured again. */
  processChanged(): void;
  stop(): Promise<void>;
}

/** A `configure` on its way to the engine, for the settings version it carries. */
interface ConfigSend {
  version: number;
  ifRunning: boolean;
  done: Promise<void>;
}

/** Methods that only read or set the cache state, after which there is nothing new to report. */
const QUIET_METHODS: ReadonlySet<string> = new Set(["loaded", "configure"]);

/** What the process answered to `loaded`; `fresh` is false for an earlier answer, given when it did not answer in time. */
interface Holding {
  models: LoadedModel[];
  fresh: boolean;
}

/**
 * An engine as services use it: every process it starts receives the cache configuration
 * before its first real call, and again whenever settings change. The process still starts
 * lazily, on first use. What other engines' work waits on (`loaded`, idle unloads) is asked
 * with a bound, so a busy or hung engine never holds up the memory broker, the status or them.
 */
export class ConfiguredEngine<M extends MethodMap & CacheMethods> implements EngineClient<M>, ManagedEngine {
  private readonly cache: EngineClient<CacheMethods>;
  /** Bumped whenever the engine must be configured again (new process, new settings). */
  private version = 0;
  private configuredVersion = -1;
  private sending: ConfigSend | undefined;
  /** The last `loaded` answer of the current process. */
  private lastHolding: LoadedModel[] = [];

  constructor(
    private readonly inner: EngineClient<M>,
    private readonly config: () => EngineCacheConfig,
    private readonly logger: Logger,
    /** After any call that may have loaded or unloaded a model; awaited, so a caller reads a current status next. */
    private readonly afterModelCall: () => Promise<void> = async () => undefined,
    /** How long shared paths wait for this engine's answer to `loaded` or an idle unload. */
    private readonly answerWithinMs = 2_000,
  ) {
    this.cache = inner;
  }

  get engine() {
    return this.inner.engine;
  }

  get state() {
    return this.inner.state;
  }

  get pid() {
    return this.inner.pid;
  }

  async call<K extends keyof M & string>(method: K, input: M[K]["input"], options?: CallOptions<M[K]["event"]>): Promise<M[K]["output"]> {
    if (method !== "configure") await this.ensureConfigured(options?.ifRunning ?? false);
    try {
      return await this.inner.call(method, input, options);
    } finally {
      if (!QUIET_METHODS.has(method)) await this.afterModelCall();
    }
  }

  async loaded(): Promise<LoadedModel[]> {
    return (await this.holding()).models;
  }

  async unload(modelId: string, { ifIdle = false }: { ifIdle?: boolean } = {}): Promise<boolean> {
    if (this.inner.state !== "ready") return false;
    try {
      const { models, fresh } = await this.holding();
      // Only a current answer rules it out: a busy engine may have loaded it since its last one.
      if (fresh && !models.some((model) => model.modelId === modelId)) return false;
      const unloading = this.ensureConfigured(true).then(() => this.cache.call("unload", { modelId, ifIdle }, { ifRunning: true }));
      // Waiting for the job that uses it is the point of a plain unload; an idle unload only asks.
      const { unloaded } = ifIdle ? await answerWithin(unloading, this.answerWithinMs, () => ({ unloaded: false })) : await unloading;
      return unloaded;
    } catch (error) {
      // Stopped meanwhile: the model went with the process.
      if (this.inner.state !== "ready") return false;
      throw error;
    } finally {
      await this.afterModelCall();
    }
  }

  stop(): Promise<void> {
    return this.inner.stop();
  }

  processChanged(): void {
    this.version++;
    this.lastHolding = [];
  }

  reconfigure(): void {
    this.version++;
    if (this.inner.state !== "ready") return;
    this.ensureConfigured(true).catch((error: unknown) => {
      if (this.inner.state === "ready") this.logger.log("warn", "engines", `Could not send the new cache limits to the ${this.engine} engine`, { error });
    });
  }

  /** Asks only a running process (none is started for this); a stopped engine holds nothing. */
  private async holding(): Promise<Holding> {
    if (this.inner.state !== "ready") return { models: [], fresh: true };
    const asked = this.ensureConfigured(true)
      .then(() => this.cache.call("loaded", {}, { ifRunning: true }))
      .then((models): Holding => ({ models, fresh: true }));
    const answer = await answerWithin(asked, this.answerWithinMs, () => ({ models: this.lastHolding, fresh: false }));
    if (answer.fresh) this.lastHolding = answer.models;
    return answer;
  }

  /**
   * Sends the limits once per version; a change while some are on their way sends the newer
   * ones after them. `ifRunning` sends (watching, settings) never start a process, so a call
   * that may start one does not wait on them.
   */
  private async ensureConfigured(ifRunning: boolean): Promise<void> {
    while (this.configuredVersion < this.version) {
      const version = this.version;
      let sending = this.sending;
      if (sending?.version !== version || (sending.ifRunning && !ifRunning)) sending = this.send(version, ifRunning);
      await sending.done;
      this.configuredVersion = Math.max(this.configuredVersion, version);
    }
  }

  private send(version: number, ifRunning: boolean): ConfigSend {
    const done = this.cache.call("configure", this.config(), { ifRunning }).then(() => undefined);
    const sending = { version, ifRunning, done };
    this.sending = sending;
    done.catch(() => {
      if (this.sending === sending) this.sending = undefined;
    });
    return sending;
  }
}
