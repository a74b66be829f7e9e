import { homedir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

export interface ServeArgs {
  port: number;
  host: string;
  dataDir: string;
  /** Stop when standard input closes: a test or script that starts serve with a pipe never leaves it running. */
  exitWithParent: boolean;
}

export const SERVE_USAGE = "Usage: npm run serve -- [--port N] [--data-dir DIR] [--host H] [--exit-with-parent]";
export const DEFAULT_PORT = 5180;

/** `--port N --data-dir DIR [--host H] [--exit-with-parent]`; port 0 picks any free port. Throws with a readable message. */
export function parseServeArgs(argv: string[], cwd: string): ServeArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: "string" },
      "data-dir": { type: "string" },
      host: { type: "string" },
      "exit-with-parent": { type: "boolean" },
    },
    strict: true,
    allowPositionals: false,
  });
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535 || values.port?.trim() === "") {
    throw new Error(`--port must be a whole number from 0 to 65535, not "${values.port}".`);
  }
  const host = values.host ?? "127.0.0.1";
  if (host.trim() === "") throw new Error("--host must not be empty.");
  const dataDir = path.resolve(cwd, values["data-dir"] ?? path.join(homedir(), ".atelier"));
  return { port, host, dataDir, exitWithParent: values["exit-with-parent"] === true };
}
