import type { EngineClient } from "../protocol";
import type { OnnxFileInfo, OnnxMethods } from "./methods";

/**
 * The ONNX engine process as the host uses it: started on first use, and stopped again
 * after `idleStopMs` without calls, since opening a large model leaves its memory behind.
 */
export class OnnxInspector {
  private idleTimer: NodeJS.Timeout | undefined;
  private active = 0;

  constructor(
    private readonly engine: Pick<EngineClient<OnnxMethods>, "call" | "stop">,
    private readonly idleStopMs = 30_000,
  ) {}

  inspect(paths: string[]): Promise<OnnxFileInfo[]> {
    return this.run(() => this.engine.call("inspect", { paths }));
  }

  providers(): Promise<string[]> {
    return this.run(() => this.engine.call("providers", {}));
  }

  stop(): Promise<void> {
    clearTimeout(this.idleTimer);
    return this.engine.stop();
  }

  private async run<T>(call: () => Promise<T>): Promise<T> {
    clearTimeout(this.idleTimer);
    this.active++;
    try {
      return await call();
    } finally {
      if (--this.active === 0) {
        this.idleTimer = setTimeout(() => void this.engine.stop(), this.idleStopMs);
        this.idleTimer.unref();
      }
    }
  }
}
