import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { median } from "./bench-config";
import { curlDownload } from "./download-curl";
import { openDownloadHost, type HostRun } from "./download-host";
import { startHubProcess } from "./download-hub-process";

export interface Comparison {
  /** MB/s per run, sorted. */
  host: number[];
  curl: number[];
  /** Host CPU (user + system, all its threads) per run, as a share of one core. */
  hostCpu: number[];
  /** median(host) / median(curl). */
  ratio: number;
}

export interface ComparisonSetup {
  repo: string;
  file: string;
  bytes: number;
  runs: number;
  /** The hub's pace per response; 0 is as fast as it can send. */
  bytesPerSecond: number;
}

/**
 * Host and curl fetching the same file from the same hub process, after a warm-up run each,
 * interleaved and taking turns at going first (so neither always meets a warmer page cache or a quieter machine).
 */
export async function compareWithCurl(setup: ComparisonSetup): Promise<Comparison> {
  const hub = await startHubProcess(setup.repo, setup.file, setup.bytes, setup.bytesPerSecond);
  const host = await openDownloadHost(hub.url);
  const scratch = await mkdtemp(path.join(os.tmpdir(), "atelier-bench-curl-"));
  const url = `${hub.url}/${setup.repo}/resolve/main/${setup.file}`;
  const target = path.join(scratch, "curl.bin");
  const hostRuns: HostRun[] = [];
  const curlSeconds: number[] = [];
  const runCurl = async () => {
    curlSeconds.push(await curlDownload(url, target));
    await rm(target, { force: true });
  };
  try {
    // One untimed run each first: connections, JIT and the first slabs are not what is measured.
    await host.run(setup.repo, setup.file);
    await curlDownload(url, target);
    await rm(target, { force: true });
    for (let i = 0; i < setup.runs; i++) {
      if (i % 2 === 1) await runCurl();
      hostRuns.push(await host.run(setup.repo, setup.file));
      if (i % 2 === 0) await runCurl();
    }
  } finally {
    await host.close();
    await hub.stop();
    await rm(scratch, { recursive: true, force: true });
  }
  const rate = (seconds: number) => setup.bytes / 1e6 / seconds;
  const hostRates = hostRuns.map((run) => rate(run.seconds)).sort((a, b) => a - b);
  const curlRates = curlSeconds.map(rate).sort((a, b) => a - b);
  return {
    host: hostRates,
    curl: curlRates,
    hostCpu: hostRuns.map((run) => run.cpuShare),
    ratio: median(hostRates) / median(curlRates),
  };
}
