import path from "node:path";
import { version } from "../../package.json";
import { parseServeArgs, SERVE_USAGE } from "./cli-args";
import { startServer } from "./server";

// Built to out/main/serve.js, beside the engine workers; the renderer is built to out/renderer.
const BUNDLE_DIR = import.meta.dirname;
const PARENT_GONE_DEADLINE_MS = 10_000;

async function main(): Promise<void> {
  let args;
  try {
    args = parseServeArgs(process.argv.slice(2), process.cwd());
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${SERVE_USAGE}\n`);
    process.exit(2);
  }
  if (args.exitWithParent) {
    // The parent holds the write end of our stdin; when it exits, however it dies, the pipe closes.
    process.stdin.once("end", () => {
      // No one is left to send a second signal: a stop that hangs must not keep this process alive.
      setTimeout(() => process.exit(1), PARENT_GONE_DEADLINE_MS).unref();
      stop("its parent is gone (standard input closed)");
    });
    process.stdin.resume();
  }
  server = await startServer({
    host: args.host,
    port: args.port,
    dataDir: args.dataDir,
    rendererDir: path.join(BUNDLE_DIR, "../renderer"),
    workerDir: BUNDLE_DIR,
    version,
  });
  // Tests and scripts read this exact line to find the address.
  process.stdout.write(`Atelier is serving at ${server.url}\n`);

  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

let server: Awaited<ReturnType<typeof startServer>> | undefined;
let stopping = false;

function stop(reason: string): void {
  if (stopping) {
    process.stderr.write(`Stopping again (${reason}): exiting now.\n`);
    process.exit(1);
  }
  stopping = true;
  // Before the server is up there is nothing to close; engine workers end when this process does.
  if (!server) process.exit(1);
  server.close().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`Atelier did not stop cleanly: ${String(error)}\n`);
      process.exit(1);
    },
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`Atelier could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
