import type { EngineName } from "../../shared/jobs";
import type { EngineStatus, LoadedModel } from "../../shared/models";
import { settlesWithin } from "../engines/launched-process";
import type { EventBus } from "../events/bus";
import type { Logger } from "../log/types";

type EngineState = EngineStatus["state"];

/** What the monitor reads of an engine. */
export interface WatchedEngine {
  readonly engine: EngineName;
  readonly state: EngineState;
  readonly pid: number | undefined;
  loaded(): Promise<LoadedModel[]>;
}

interface Watch {
  engine: WatchedEngine;
  loaded: LoadedModel[];
  refreshing: Promise<void>;
}

/**
 * Keeps `engines.status` current and pushes `engines.changed`: every engine's process state,
 * and the models it holds (asked with `loaded`, only while the process runs, so watching
 * never starts one).
 */
export class EngineMonitor {
  private readonly watches: Watch[] = [];
  private readonly timer: NodeJS.Timeout;
  private disposed = false;

  constructor(
    private readonly events: EventBus,
    private readonly logger: Logger,
    /** Idle unloads happen inside the engines; a slow poll notices them. */
    pollMs = 15_000,
  ) {
    this.timer = setInterval(() => {
      for (const { engine } of this.watches) void this.refresh(engine.engine);
    }, pollMs);
    this.timer.unref();
  }

  /** Adds an engine; the status lists engines in the order they were added. */
  watch(engine: WatchedEngine): void {
    this.watches.push({ engine, loaded: [], refreshing: Promise.resolve() });
  }

  status(): EngineStatus[] {
    return this.watches.map(({ engine, loaded }) => {
      const { pid } = engine;
      return { engine: engine.engine, state: engine.state, ...(pid === undefined ? {} : { pid }), loaded };
    });
  }

  /** The status after asking every running engine what it holds now; a busy engine's last answer after `waitMs`. */
  async current(waitMs = 2_000): Promise<EngineStatus[]> {
    await settlesWithin(Promise.all(this.watches.map(({ engine }) => this.refresh(engine.engine))), waitMs);
    return this.status();
  }

  stateChanged(name: EngineName, state: EngineState): void {
    const watch = this.find(name);
    if (this.disposed || !watch) return;
    if (state === "ready") void this.refresh(name);
    else if (state !== "starting") watch.loaded = [];
    this.publish();
  }

  /** Asks a running engine which models it holds and publishes a change; resolves once the answer is in. */
  refresh(name: EngineName): Promise<void> {
    const watch = this.find(name);
    if (!watch) return Promise.resolve();
    // Queued behind any refresh in flight, so the answer always postdates the call.
    watch.refreshing = watch.refreshing.then(() => this.fetchLoaded(watch));
    return watch.refreshing;
  }

  dispose(): void {
    this.disposed = true;
    clearInterval(this.timer);
  }

  private async fetchLoaded(watch: Watch): Promise<void> {
    if (this.disposed || watch.engine.state !== "ready") return;
    try {
      const loaded = await watch.engine.loaded();
      if (watch.engine.state !== "ready") return; // it stopped meanwhile: the state change already cleared the list
      const changed = JSON.stringify(loaded) !== JSON.stringify(watch.loaded);
      watch.loaded = loaded;
      if (changed) this.publish();
    } catch (error) {
      if (watch.engine.state === "ready") this.logger.log("warn", "engines", `Could not list the models the ${watch.engine.engine} engine holds`, { error });
    }
  }

  private find(name: EngineName): Watch | undefined {
    return this.watches.find((watch) => watch.engine.engine === name);
  }

  private publish(): void {
    if (!this.disposed) this.events.emit("engines.changed", { engines: this.status() });
  }
}
