import type { EngineStatus, LoadedModel } from "../../shared/models";
import type { LlmMethods } from "../engines/llm/methods";
import type { EngineClient } from "../engines/protocol";
import type { EventBus } from "../events/bus";
import type { Logger } from "../log/types";

type EngineState = EngineStatus["state"];

/**
 * Keeps `engines.status` current and pushes `engines.changed`: the process state, and the
 * models it holds (asked with `loaded`, only while the process runs, so watching never starts one).
 */
export class EngineMonitor {
  private loaded: LoadedModel[] = [];
  private timer: NodeJS.Timeout | undefined;
  private refreshing: Promise<void> = Promise.resolve();
  private disposed = false;

  constructor(
    private readonly llm: EngineClient<LlmMethods>,
    private readonly events: EventBus,
    private readonly logger: Logger,
    /** Idle unloads happen inside the engine; a slow poll notices them. */
    private readonly pollMs = 15_000,
  ) {}

  status(): EngineStatus[] {
    const { state, pid } = this.llm;
    return [{ engine: "llm", state, ...(pid === undefined ? {} : { pid }), loaded: this.loaded }];
  }

  stateChanged(state: EngineState): void {
    if (this.disposed) return;
    if (state === "ready") {
      this.startPolling();
      void this.refresh();
    } else {
      this.stopPolling();
      if (state !== "starting") this.loaded = [];
    }
    this.publish();
  }

  /** Asks the engine which models it holds and publishes a change; resolves once the answer is in. */
  refresh(): Promise<void> {
    // Queued behind any refresh in flight, so the answer always postdates the call.
    this.refreshing = this.refreshing.then(() => this.fetchLoaded());
    return this.refreshing;
  }

  private async fetchLoaded(): Promise<void> {
    if (this.disposed || this.llm.state !== "ready") return;
    try {
      const loaded = await this.llm.call("loaded", {});
      const changed = JSON.stringify(loaded) !== JSON.stringify(this.loaded);
      this.loaded = loaded;
      if (changed) this.publish();
    } catch (error) {
      this.logger.log("warn", "engines", "Could not list the loaded models", { error });
    }
  }

  dispose(): void {
    this.disposed = true;
    this.stopPolling();
  }

  private publish(): void {
    if (!this.disposed) this.events.emit("engines.changed", { engines: this.status() });
  }

  private startPolling(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.refresh(), this.pollMs);
    this.timer.unref();
  }

  private stopPolling(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
