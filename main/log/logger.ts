import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import type { Logger, LogLevel } from "./types";
import { redactDetails, redactText } from "./redact";

export interface FileLoggerOptions {
  /** Rotate when the file grows past this many bytes. */
  maxBytes?: number;
  /** Rotated files kept: atelier.log.1 … atelier.log.N. */
  keep?: number;
  /** Lowest level written. */
  level?: LogLevel;
}

const LEVEL_ORDER: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };
export const LOG_FILE_NAME = "atelier.log";

/**
 * A line-per-entry log in `<logsDir>/atelier.log`. Writes are synchronous so the last
 * lines before a crash are on disk; the host logs per operation, never per token.
 */
export function createFileLogger(logsDir: string, options: FileLoggerOptions = {}): Logger {
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const keep = options.keep ?? 3;
  const minLevel = LEVEL_ORDER[options.level ?? "info"];
  const file = path.join(logsDir, LOG_FILE_NAME);
  let size = 0;
  try {
    mkdirSync(logsDir, { recursive: true });
    size = existsSync(file) ? statSync(file).size : 0;
  } catch {
    // An unwritable data folder is reported by the host's start check, in words; the log stays silent.
  }

  function rotate(): void {
    rmSync(`${file}.${keep}`, { force: true });
    for (let index = keep - 1; index >= 1; index--) {
      if (existsSync(`${file}.${index}`)) renameSync(`${file}.${index}`, `${file}.${index + 1}`);
    }
    if (existsSync(file)) renameSync(file, `${file}.1`);
    size = 0;
  }

  return {
    log(level, scope, message, details) {
      if (LEVEL_ORDER[level] < minLevel) return;
      const entry = { time: new Date().toISOString(), level, scope, message: redactText(message), ...redactDetails(details) };
      const line = JSON.stringify(entry) + "\n";
      try {
        if (size > 0 && size + Buffer.byteLength(line) > maxBytes) rotate();
        appendFileSync(file, line);
        size += Buffer.byteLength(line);
      } catch {
        // A log that cannot be written must never take the app down with it.
      }
    },
  };
}

/** Sends every entry to several loggers (e.g. the file and the console). */
export function teeLogger(...loggers: Logger[]): Logger {
  return { log: (...args) => loggers.forEach((logger) => logger.log(...args)) };
}
