import { parseArgs } from "node:util";
import { startTestHub } from "./test-hub";

/**
 * `tsx scripts/hub-server/cli.ts [--root DIR] [--sparse owner/name:path:bytes]…`: a test hub in its
 * own process (so its CPU is not the client's). Prints one JSON line `{url, cdnUrl, root}` when ready;
 * stops on SIGTERM or when stdin closes.
 */
const { values } = parseArgs({
  options: {
    root: { type: "string" },
    sparse: { type: "string", multiple: true },
    "bytes-per-second": { type: "string" },
  },
  strict: true,
});

const hub = await startTestHub({
  ...(values.root ? { root: values.root } : {}),
  bytesPerSecond: Number(values["bytes-per-second"] ?? "0"),
});
for (const spec of values.sparse ?? []) {
  const [repo, file, bytes] = spec.split(":");
  if (!repo || !file || !bytes) throw new Error(`--sparse wants owner/name:path:bytes, not ${spec}`);
  await hub.createRepo(repo, { files: [{ path: file, size: Number(bytes), sparse: true }] });
}
process.stdout.write(JSON.stringify({ url: hub.url, cdnUrl: hub.cdnUrl, root: hub.root }) + "\n");

const stop = () => {
  hub.close().then(() => process.exit(0), () => process.exit(1));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
process.stdin.on("end", stop);
process.stdin.resume();
