import path from "node:path";
import { version } from "../../package.json";
import { parseServeArgs, SERVE_USAGE } from "./cli-args";
import { startServer } from "./server";

// Built to out/main/serve.js, beside the engine workers; the renderer is built to out/renderer.
const BUNDLE_DIR = import.meta.dirname;

async function main(): Promise<void> {
  let args;
  try {
    args = parseServeArgs(process.argv.slice(2), process.cwd());
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${SERVE_USAGE}\n`);
    process.exit(2);
  }
  const server = await startServer({
    host: args.host,
    port: args.port,
    dataDir: args.dataDir,
    rendererDir: path.join(BUNDLE_DIR, "../renderer"),
    workerDir: BUNDLE_DIR,
    version,
  });
  // Tests and scripts read this exact line to find the address.
  process.stdout.write(`Atelier is serving at ${server.url}\n`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      process.stderr.write(`Second ${signal}: exiting now.\n`);
      process.exit(1);
    }
    stopping = true;
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`Atelier did not stop cleanly: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`Atelier could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
