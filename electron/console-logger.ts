import type { Logger } from "../main/log/types";

/** The shell's own log lines (refused senders, window problems, engine output) go to stderr. */
export function createConsoleLogger(): Logger {
  return {
    log(level, scope, message, details) {
      const suffix = details === undefined ? "" : ` ${JSON.stringify(details)}`;
      process.stderr.write(`${new Date().toISOString()} ${level.toUpperCase()} [${scope}] ${message}${suffix}\n`);
    },
  };
}
