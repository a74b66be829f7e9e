export type LogLevel = "debug" | "info" | "warn" | "error";

export interface Logger {
  log(level: LogLevel, scope: string, message: string, details?: Record<string, unknown>): void;
}

/** For tests and tools that do not keep a log file. */
export const silentLogger: Logger = { log() {} };
