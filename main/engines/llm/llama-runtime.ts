import { getLlama, LlamaLogLevel, type Llama } from "node-llama-cpp";

export type EngineLog = (level: "info" | "warn" | "error", message: string) => void;

/**
 * The process's one Llama instance (native backend, GPU detection), created on first
 * use. llama.cpp's warnings and errors go to the host's log; the latest errors are kept
 * because llama.cpp explains a failed load only in its log, not in the thrown error.
 */
export class LlamaRuntime {
  private instance: Promise<Llama> | undefined;
  private readonly recentErrors: string[] = [];

  constructor(private readonly log: EngineLog) {}

  get(): Promise<Llama> {
    this.instance ??= getLlama({
      gpu: "auto",
      // Never compile llama.cpp on a user's machine: use the prebuilt binaries.
      build: "never",
      logLevel: LlamaLogLevel.warn,
      logger: (level, message) => this.onLlamaLog(level, message),
    }).catch((error: unknown) => {
      this.instance = undefined;
      throw error;
    });
    return this.instance;
  }

  /** llama.cpp's error lines since the last call, oldest first. */
  takeRecentErrors(): string[] {
    return this.recentErrors.splice(0);
  }

  /**
   * Like `takeRecentErrors`, after a failure: llama.cpp's log lines reach JavaScript
   * asynchronously, sometimes after the error was thrown, so wait briefly for them.
   */
  async takeErrorsAfterFailure(waitMs = 100): Promise<string[]> {
    const until = Date.now() + waitMs;
    while (this.recentErrors.length === 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise((resolve) => setTimeout(resolve, 5)); // the rest of the same burst
    return this.takeRecentErrors();
  }

  async dispose(): Promise<void> {
    const instance = this.instance;
    this.instance = undefined;
    if (instance) await (await instance).dispose();
  }

  private onLlamaLog(level: LlamaLogLevel, message: string): void {
    const text = message.trim();
    if (!text) return;
    const isError = level === LlamaLogLevel.error || level === LlamaLogLevel.fatal;
    if (isError) {
      this.recentErrors.push(text);
      if (this.recentErrors.length > 10) this.recentErrors.shift();
    }
    this.log(isError ? "error" : level === LlamaLogLevel.warn ? "warn" : "info", text);
  }
}
