import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { median } from "./bench-config";
import { curlAvailable, curlDownload } from "./download-curl";
import { openDownloadHost } from "./download-host";
import { startHubProcess } from "./download-hub-process";

const REPO = "bench/throughput-GGUF";
const FILE = "bench.Q8_0.gguf";
const BYTES = 400 * 1024 * 1024;
const RUNS = 3;

/** Download throughput of the whole host (hub client, Range, streaming sha256, atomic install) against curl. */
export async function benchDownload(): Promise<void> {
  const hub = await startHubProcess(REPO, FILE, BYTES);
  const host = await openDownloadHost(hub.url);
  const scratch = await mkdtemp(path.join(os.tmpdir(), "atelier-bench-curl-"));
  const hasCurl = curlAvailable();
  const hostRuns = [];
  const curlSeconds: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      hostRuns.push(await host.run(REPO, FILE));
      if (!hasCurl) continue;
      const target = path.join(scratch, `curl-${i}.bin`);
      curlSeconds.push(await curlDownload(`${hub.url}/${REPO}/resolve/main/${FILE}`, target));
      await rm(target, { force: true });
    }
  } finally {
    await host.close();
    await hub.stop();
    await rm(scratch, { recursive: true, force: true });
  }
  const mb = BYTES / 1e6;
  const hostRate = mb / median(hostRuns.map((r) => r.seconds));
  const cpu = median(hostRuns.map((r) => r.cpuShare));
  console.log(`Download (${(BYTES / 2 ** 20).toFixed(0)} MiB from a local test hub in another process, ${RUNS} runs, medians)`);
  console.log(`  host   ${hostRate.toFixed(0)} MB/s, host CPU ${(cpu * 100).toFixed(0)}% of one core while downloading`);
  if (!hasCurl) {
    console.log("  curl is not installed: skipped the comparison with curl");
    return;
  }
  const curlRate = mb / median(curlSeconds);
  const ratio = hostRate / curlRate;
  console.log(`  curl   ${curlRate.toFixed(0)} MB/s`);
  console.log(`  throughput ratio ${ratio.toFixed(3)} (target >= 0.95) ${ratio >= 0.95 ? "PASS" : "MISS"}`);
}
