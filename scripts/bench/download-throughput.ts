import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { median } from "./bench-config";
import { curlDownload, curlThenSha256, toolAvailable } from "./download-curl";
import { openDownloadHost, type HostRun } from "./download-host";
import { startHubProcess } from "./download-hub-process";

const REPO = "bench/throughput-GGUF";
const FILE = "bench.Q8_0.gguf";
const BYTES = 400 * 1024 * 1024;
const RUNS = 5;

/**
 * Download throughput of the whole host (hub client, redirect, streaming sha256, atomic install)
 * against curl fetching the same file from the same local hub, interleaved in one run.
 */
export async function benchDownload(): Promise<void> {
  const hasCurl = toolAvailable("curl");
  const hasSha256sum = hasCurl && toolAvailable("sha256sum");
  const hub = await startHubProcess(REPO, FILE, BYTES);
  const host = await openDownloadHost(hub.url);
  const scratch = await mkdtemp(path.join(os.tmpdir(), "atelier-bench-curl-"));
  const url = `${hub.url}/${REPO}/resolve/main/${FILE}`;
  const hostRuns: HostRun[] = [];
  const curlSeconds: number[] = [];
  const verifiedSeconds: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      hostRuns.push(await host.run(REPO, FILE));
      const target = path.join(scratch, "curl.bin");
      if (hasCurl) curlSeconds.push(await curlDownload(url, target));
      await rm(target, { force: true });
      if (hasSha256sum) verifiedSeconds.push(await curlThenSha256(url, target));
      await rm(target, { force: true });
    }
  } finally {
    await host.close();
    await hub.stop();
    await rm(scratch, { recursive: true, force: true });
  }
  const mb = BYTES / 1e6;
  const rates = (seconds: number[]) => seconds.map((s) => mb / s).sort((a, b) => a - b);
  const show = (label: string, values: number[], note: string) =>
    console.log(`  ${label} ${median(values).toFixed(0)} MB/s (runs ${values.map((v) => v.toFixed(0)).join(", ")}), ${note}`);
  const hostRates = rates(hostRuns.map((r) => r.seconds));
  console.log(`Download (${(BYTES / 2 ** 20).toFixed(0)} MiB from a local test hub in another process, ${RUNS} runs each, interleaved, medians)`);
  show("host               ", hostRates, "sha256 verified while streaming, installed atomically");
  console.log(`  host CPU while downloading: ${(median(hostRuns.map((r) => r.cpuShare)) * 100).toFixed(0)}% of one core (process.cpuUsage over wall time)`);
  if (!hasCurl) {
    console.log("  curl is not installed: skipped the comparison with curl");
    return;
  }
  const curlRates = rates(curlSeconds);
  show("curl               ", curlRates, "no verification");
  if (hasSha256sum) show("curl then sha256sum", rates(verifiedSeconds), "verified in a second pass");
  else console.log("  sha256sum is not installed: skipped curl + sha256sum");
  const ratio = median(hostRates) / median(curlRates);
  console.log(`  throughput ratio to curl ${ratio.toFixed(3)} (target >= 0.95) ${ratio >= 0.95 ? "PASS" : "MISS"}`);
  if (hasSha256sum) console.log(`  ratio to curl then sha256sum ${(median(hostRates) / median(rates(verifiedSeconds))).toFixed(3)}`);
}
