import { parseArgs } from "node:util";
import { startTestHub } from "./test-hub";

/**
 * `tsx scripts/hub-server/cli.ts [--root DIR] [--sparse|--random owner/name:path:bytes]… [--bytes-per-second N]`:
 * a test hub in its own process (so its CPU is not the client's), with sparse (zeros) or seeded random
 * files. Prints one JSON line `{url, cdnUrl, root}` when ready; stops on SIGTERM or when stdin closes.
 */
const { values } = parseArgs({
  options: {
    root: { type: "string" },
    sparse: { type: "string", multiple: true },
    random: { type: "string", multiple: true },
    "bytes-per-second": { type: "string" },
  },
  strict: true,
});

const hub = await startTestHub({
  ...(values.root ? { root: values.root } : {}),
  bytesPerSecond: Number(values["bytes-per-second"] ?? "0"),
});
for (const [kind, specs] of [["sparse", values.sparse], ["random", values.random]] as const) {
  for (const spec of specs ?? []) {
    const [repo, file, bytes] = spec.split(":");
    if (!repo || !file || !bytes) throw new Error(`--${kind} wants owner/name:path:bytes, not ${spec}`);
    const size = Number(bytes);
    await hub.createRepo(repo, { files: [kind === "sparse" ? { path: file, size, sparse: true } : { path: file, size }] });
  }
}
process.stdout.write(JSON.stringify({ url: hub.url, cdnUrl: hub.cdnUrl, root: hub.root }) + "\n");

const stop = () => {
  hub.close().then(() => process.exit(0), () => process.exit(1));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
process.stdin.on("end", stop);
process.stdin.resume();
