import type { ModelFamily } from "../../../../shared/families";
import { isGitObjectId, type Fit } from "../../../../shared/library";
import type { LoadedModel } from "../../../../shared/models";

export const FIT_LABELS: Record<Fit["verdict"], string> = {
  gpu: "Fits on GPU",
  partial: "Partial GPU offload",
  cpu: "CPU only",
  "too-large": "Too large",
};

export const FAMILY_LABELS: Record<ModelFamily, string> = {
  llm: "Text (LLM)",
  image: "Image generation",
  upscale: "Upscaling",
  stt: "Speech to text",
  tts: "Text to speech",
  vad: "Voice activity detection",
  video: "Video",
};

/** Whether the model can run here at all, even if slowly. */
export function fitsThisMachine(fit: Fit): boolean {
  return fit.verdict !== "too-large";
}

/** What actually happened at load: "12 of 12 layers on the GPU", "on the CPU", or nothing for non-layered models. */
export function describePlacement(loaded: Pick<LoadedModel, "gpuLayers" | "totalLayers">): string | null {
  const { gpuLayers, totalLayers } = loaded;
  if (gpuLayers === undefined) return null;
  if (gpuLayers === 0) return "on the CPU";
  return totalLayers === undefined ? `${gpuLayers} layers on the GPU` : `${gpuLayers} of ${totalLayers} layers on the GPU`;
}

/** A pinned commit by its short id; a branch or tag as what it is, since its commit is fixed only when a download starts. */
export function describeRevision(revision: string): string {
  return isGitObjectId(revision) ? `commit ${revision.slice(0, 7)}` : `${revision} branch (pinned to its commit at download)`;
}
