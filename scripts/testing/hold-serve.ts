import { startServeChild } from "./serve-child";

/**
 * `node --import tsx scripts/testing/hold-serve.ts DATA_DIR`: starts serve mode the way tests and
 * benchmarks do, prints `{"pid":…}` and waits to be killed; serve-child.test.ts kills it and
 * checks that the server goes too.
 */
const dataDir = process.argv[2];
if (!dataDir) throw new Error("Usage: hold-serve.ts DATA_DIR");
const serve = await startServeChild({ dataDir });
process.stdout.write(`${JSON.stringify({ pid: serve.child.pid, url: serve.url.href })}\n`);
setInterval(() => undefined, 60_000);
