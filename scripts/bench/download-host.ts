import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Download } from "../../shared/library";
import { createHost, type Host } from "../../main/host";
import { silentLogger } from "../../main/log/types";

export interface HostRun {
  seconds: number;
  /** Host process CPU time (user + system) over the download, as a share of one core. */
  cpuShare: number;
}

/** A real host in this process, downloading through the `downloads.*` channels like the UI does. */
export async function openDownloadHost(hubUrl: string): Promise<{ run(repo: string, file: string): Promise<HostRun>; close(): Promise<void> }> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "atelier-bench-dl-"));
  await writeFile(path.join(dataDir, "settings.json"), JSON.stringify({ hub: { endpoint: hubUrl } }));
  const host: Host = await createHost({ dataDir, workerDir: path.resolve("out/main"), mode: "serve", version: "bench", logger: silentLogger });
  const call = async (channel: string, request: unknown): Promise<unknown> => {
    const result = await host.router.handle(channel, request, { origin: "test" });
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value;
  };

  async function run(repo: string, file: string): Promise<HostRun> {
    let finish: (download: Download) => void = () => undefined;
    const finished = new Promise<Download>((resolve) => (finish = resolve));
    const off = host.events.subscribe((event, payload) => {
      if (event === "download.updated" && ["completed", "failed", "cancelled"].includes(payload.state)) finish(payload);
    });
    const cpuBefore = process.cpuUsage();
    const startedAt = performance.now();
    await call("downloads.start", { repo, revision: "main", files: [file], family: "llm" });
    const download = await finished;
    const seconds = (performance.now() - startedAt) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    off();
    if (download.state !== "completed") throw new Error(`the download ended ${download.state}: ${download.error?.message}`);
    await rm(path.join(dataDir, "models", download.modelId), { recursive: true, force: true });
    await call("models.refresh", {});
    await call("downloads.clearFinished", {});
    return { seconds, cpuShare: (cpu.user + cpu.system) / 1e6 / seconds };
  }

  return {
    run,
    async close() {
      await host.dispose();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
