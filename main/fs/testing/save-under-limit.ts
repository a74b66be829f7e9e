/**
 * Run by durable-write.test.ts under `ulimit -f` (a file size limit makes `write` return
 * short, then fail, exactly as a nearly full disk does): argv[2] is a file that already
 * holds a good version. Prints what a too-large save did, as one JSON line.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { errorCodeOf } from "../../host-test-kit";
import { writeJsonAtomic } from "../atomic-json";

const [file = ""] = process.argv.slice(2);
// Past the limit the kernel also sends SIGXFSZ; plain Node ignores it, but a loader may reset that.
process.on("SIGXFSZ", () => undefined);

async function main(): Promise<void> {
  const before = await readFile(file, "utf8");
  const code = await errorCodeOf(writeJsonAtomic(file, { text: "x".repeat(20_000) }));
  const after = await readFile(file, "utf8");
  const left = await readdir(path.dirname(file));
  process.stdout.write(`${JSON.stringify({ code, kept: before === after, files: left })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
