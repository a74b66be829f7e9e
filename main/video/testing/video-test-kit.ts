import { inject } from "vitest";
import { clipJobResultSchema, type ClipJobResult, type VideoGenerateRequest } from "../../../shared/video";
import type { EventLog } from "../../host-test-kit";
import { installOnnxModel } from "../../models/testing/install-onnx-model";

/** Test support for the video studio: the tiny motion, RIFE and Stable Diffusion fixtures installed as downloads would. */

export type VideoTestModel = "tiny-motion" | "tiny-rife" | "tiny-sd";

export async function installVideoModels(dataDir: string, models: readonly VideoTestModel[]): Promise<void> {
  const sources: Record<VideoTestModel, { source: string; name: string; family: "video" | "image" }> = {
    "tiny-motion": { source: inject("motionFixtures").locomotion, name: "Tiny Locomotion", family: "video" },
    "tiny-rife": { source: inject("rifeFixtures").rife, name: "Tiny RIFE", family: "video" },
    "tiny-sd": { source: inject("imageFixtures").sd15, name: "Tiny SD", family: "image" },
  };
  for (const id of models) await installOnnxModel(dataDir, sources[id].source, { id, name: sources[id].name, family: sources[id].family });
}

/** A quick clip on the tiny motion pipeline: 64×64, 6 frames, 2 LCM steps. */
export const QUICK_CLIP = {
  modelId: "tiny-motion",
  prompt: "a paper boat on a stream",
  negativePrompt: "blurry",
  frames: 6,
  fps: 8,
  width: 64,
  height: 64,
  steps: 2,
  cfgScale: 1,
  sampler: "lcm",
  seed: 11,
} as const satisfies Partial<VideoGenerateRequest>;

/** Starts a job through the router and waits for it to succeed; its clip result. */
export async function clipOf(log: EventLog, start: Promise<{ jobId: string }>): Promise<ClipJobResult> {
  const { jobId } = await start;
  const job = await log.finalJob(jobId, 60_000);
  if (job.status !== "succeeded") throw new Error(`job ${job.kind} ${job.status}: ${job.error?.message ?? ""}`);
  return clipJobResultSchema.parse(job.result);
}

/** Bytes of a data: URL. */
export function dataUrlBytes(dataUrl: string): Buffer {
  return Buffer.from(dataUrl.slice(dataUrl.indexOf(",") + 1), "base64");
}
