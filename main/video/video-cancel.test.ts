import { readdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Host } from "../host";
import { type EventLog, invoke, openTestHostWith } from "../host-test-kit";
import { clipOf, installVideoModels, QUICK_CLIP } from "./testing/video-test-kit";

let dataDir: string;
let host: Host;
let log: EventLog;

beforeAll(async () => {
  ({ host, log, dataDir } = await openTestHostWith((dir) => installVideoModels(dir, ["tiny-motion"])));
});

afterAll(() => host.dispose());

/** Several seconds on the tiny pipeline (3 windows of 16 frames at 64×64 latents, 150 steps), so a cancel lands mid-run. */
const SLOW_CLIP = { ...QUICK_CLIP, frames: 40, width: 512, height: 512, steps: 150, sampler: "euler" as const };

async function partialFolders(): Promise<string[]> {
  return readdir(path.join(dataDir, "library", "videos", ".partial")).catch(() => []);
}

describe("cancelling video jobs", () => {
  it("stops a running generation between steps, keeps nothing, and frees the engine for the next clip", async () => {
    const { jobId } = await invoke(host, "video.generate", SLOW_CLIP);
    const queued = await invoke(host, "video.generate", QUICK_CLIP);
    await log.waitFor("job.updated", (job) => job.id === jobId && job.progress.message?.startsWith("Step ") === true);
    expect(await partialFolders()).toHaveLength(1);

    await invoke(host, "jobs.cancel", { id: jobId });
    expect((await log.finalJob(jobId)).status).toBe("cancelled");
    // It stopped while denoising: no step near the end was reported, no frame was written.
    const messages = log.of("job.updated").flatMap((job) => (job.id === jobId && job.progress.message ? [job.progress.message] : []));
    expect(messages.every((message) => /^Step \d+ of 150$/.test(message))).toBe(true);
    expect(messages).not.toContain("Step 150 of 150");

    // The queued clip runs as soon as the engine is free, and is the only one kept.
    const next = await clipOf(log, Promise.resolve(queued));
    expect(next.frameCount).toBe(6);
    const { items } = await invoke(host, "video.list", {});
    expect(items.map((item) => item.id)).toEqual([next.clipId]);
    expect(await partialFolders()).toEqual([]);
  });

  it("cancels a queued generation before it starts", async () => {
    const running = await invoke(host, "video.generate", SLOW_CLIP);
    const waiting = await invoke(host, "video.generate", QUICK_CLIP);
    expect((await invoke(host, "jobs.cancel", { id: waiting.jobId })).status).toBe("cancelled");
    await invoke(host, "jobs.cancel", { id: running.jobId });
    expect((await log.finalJob(running.jobId)).status).toBe("cancelled");
    expect((await invoke(host, "video.list", {})).total).toBe(1);
    expect(await partialFolders()).toEqual([]);
  });
});
