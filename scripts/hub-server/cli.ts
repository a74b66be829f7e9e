import { parseArgs } from "node:util";
import { startTestHub } from "./test-hub";

/**
 * `tsx scripts/hub-server/cli.ts [--root DIR] [--sparse|--random|--gguf owner/name:path:bytes]… [--bytes-per-second N]`:
 * a test hub in its own process (so its CPU is not the client's), with sparse (zeros), seeded random
 * or GGUF model (a real header, then zeros) files. Prints one JSON line `{url, cdnUrl, root}` when ready; stops on SIGTERM or when stdin closes.
 */
const { values } = parseArgs({
  options: {
    root: { type: "string" },
    sparse: { type: "string", multiple: true },
    random: { type: "string", multiple: true },
    gguf: { type: "string", multiple: true },
    "bytes-per-second": { type: "string" },
  },
  strict: true,
});

const hub = await startTestHub({
  ...(values.root ? { root: values.root } : {}),
  bytesPerSecond: Number(values["bytes-per-second"] ?? "0"),
});
const KINDS = [["sparse", values.sparse], ["random", values.random], ["gguf", values.gguf]] as const;
for (const [kind, specs] of KINDS) {
  for (const spec of specs ?? []) {
    const [repo, path, bytes] = spec.split(":");
    if (!repo || !path || !bytes) throw new Error(`--${kind} wants owner/name:path:bytes, not ${spec}`);
    const size = Number(bytes);
    const file = kind === "sparse" ? { path, size, sparse: true as const } : kind === "gguf" ? { path, size, gguf: true as const } : { path, size };
    await hub.createRepo(repo, { files: [file] });
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
