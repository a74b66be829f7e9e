import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { median } from "./bench-config";
import { compareWithCurl, type Comparison } from "./download-compare";
import { curlThenSha256, toolAvailable } from "./download-curl";
import { startHubProcess } from "./download-hub-process";

const REPO = "bench/throughput-GGUF";
const FILE = "bench.Q8_0.gguf";
const BYTES = 400 * 1024 * 1024;
const RUNS = 9;
/** About a fast home connection (800 Mbit/s): does the downloader keep up with a real network? */
const LINK_BYTES_PER_SECOND = 100e6;
const LINK_BYTES = 200 * 1024 * 1024;
const LINK_RUNS = 3;

/**
 * Download throughput of the whole host (hub client, redirect, streaming sha256, atomic install)
 * against curl fetching the same file from the same local hub, interleaved in one run: unthrottled
 * (the primary figure: host-side overhead) and at a realistic link rate.
 */
export async function benchDownload(): Promise<void> {
  if (!toolAvailable("curl")) {
    console.log("Download: curl is not installed, so there is nothing to compare the host with: skipped");
    return;
  }
  const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
  const full = await compareWithCurl({ repo: REPO, file: FILE, bytes: BYTES, runs: RUNS, bytesPerSecond: 0 });
  console.log(`Download (${mib(BYTES)} from a local test hub in another process, unthrottled, ${RUNS} runs each, interleaved, medians)`);
  show(full, "throughput ratio to curl", 0.95);
  if (toolAvailable("sha256sum")) {
    const verified = median(await curlThenSha256Runs());
    console.log(`  curl then sha256sum  ${verified.toFixed(0)} MB/s (verified in a second pass); host / that ${(median(full.host) / verified).toFixed(3)}`);
  }
  const link = await compareWithCurl({ repo: REPO, file: FILE, bytes: LINK_BYTES, runs: LINK_RUNS, bytesPerSecond: LINK_BYTES_PER_SECOND });
  console.log(`Download at a ${(LINK_BYTES_PER_SECOND / 1e6).toFixed(0)} MB/s link (${mib(LINK_BYTES)}, hub paced per response, ${LINK_RUNS} runs each, medians)`);
  show(link, "ratio to curl at link rate", 0.95);
}

function show(result: Comparison, label: string, target: number): void {
  const list = (values: number[]) => values.map((v) => v.toFixed(0)).join(", ");
  console.log(`  host  ${median(result.host).toFixed(0)} MB/s (runs ${list(result.host)}), sha256 verified while streaming, installed atomically`);
  console.log(`  curl  ${median(result.curl).toFixed(0)} MB/s (runs ${list(result.curl)}), no verification`);
  const cpu = result.hostCpu.map((share) => share * 100);
  console.log(`  host CPU ${median(cpu).toFixed(0)}% of one core (runs ${list(cpu)}; process.cpuUsage over wall time, all threads)`);
  console.log(`  ${label} ${result.ratio.toFixed(3)} (target >= ${target}) ${result.ratio >= target ? "PASS" : "MISS"}`);
}

/** curl then sha256sum: what verifying costs when it is a second pass (MB/s per run). */
async function curlThenSha256Runs(): Promise<number[]> {
  const hub = await startHubProcess(REPO, FILE, BYTES);
  const scratch = await mkdtemp(path.join(os.tmpdir(), "atelier-bench-sha-"));
  const target = path.join(scratch, "curl.bin");
  const rates: number[] = [];
  try {
    for (let i = 0; i < 3; i++) {
      rates.push(BYTES / 1e6 / (await curlThenSha256(`${hub.url}/${REPO}/resolve/main/${FILE}`, target)));
      await rm(target, { force: true });
    }
  } finally {
    await hub.stop();
    await rm(scratch, { recursive: true, force: true });
  }
  return rates;
}
