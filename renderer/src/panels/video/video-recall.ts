import type { VideoModel, VideoParameters } from "../../../../shared/video";
import { presetKey } from "./video-size-presets";
import { draftsFromKeyframes } from "./keyframes";
import { KIND_DEFAULTS, samplersFor, type VideoFormValues } from "./video-form";
import type { VideoModelKind } from "./video-models";

export interface VideoRecallResult {
  values: VideoFormValues;
  /** The model the settings name when it is not installed: the form keeps its current model. */
  missingModel: string | null;
  /** A sampler the model's kind does not take here: the form keeps its current sampler. */
  unknownSampler: string | null;
}

function kindOfMode(mode: VideoParameters["mode"]): VideoModelKind | null {
  if (mode === "text-to-video" || mode === "image-to-video") return "motion";
  if (mode === "keyframe-travel" || mode === "keyframe-feedback") return "image";
  return null;
}

function findModel(parameters: VideoParameters, models: readonly VideoModel[], kind: VideoModelKind | null): VideoModel | undefined {
  const usable = models.filter((model) => (kind ? model.kind === kind : model.kind !== "interpolation"));
  const name = parameters.modelName.trim().toLowerCase();
  return usable.find((model) => model.id === parameters.modelId) ?? usable.find((model) => model.name.toLowerCase() === name);
}

/**
 * Puts a clip's settings (its sidecar, or an exported file's metadata) into the Video form. A
 * keyframe clip brings back its keyframes and mode; an interpolated one its ×2 / ×4 factor.
 */
export function recallVideoSettings(current: VideoFormValues, parameters: VideoParameters, models: readonly VideoModel[]): VideoRecallResult {
  const kind = kindOfMode(parameters.mode);
  const model = findModel(parameters, models, kind);
  const effectiveKind = kind ?? (model?.kind === "motion" || model?.kind === "image" ? model.kind : "motion");
  const samplerKnown = samplersFor(effectiveKind).includes(parameters.sampler);
  const width = String(parameters.width);
  const height = String(parameters.height);
  const factor = parameters.interpolation?.factor;
  const keyframes = parameters.keyframes && parameters.keyframes.length > 0 ? parameters.keyframes : null;
  const values: VideoFormValues = {
    ...current,
    prompt: keyframes?.find((keyframe) => keyframe.frame === 0)?.prompt ?? parameters.prompt,
    negativePrompt: parameters.negativePrompt,
    modelId: model?.id ?? current.modelId,
    frames: String(parameters.frames),
    fps: String(parameters.fps),
    width,
    height,
    customSize: presetKey(width, height) === null,
    steps: String(parameters.steps),
    cfgScale: String(parameters.cfgScale),
    sampler: samplerKnown ? parameters.sampler : model ? KIND_DEFAULTS[effectiveKind].sampler : current.sampler,
    seed: String(parameters.seed),
    strength: parameters.strength === undefined ? current.strength : String(parameters.strength),
    animationMode: parameters.mode === "keyframe-feedback" ? "feedback" : parameters.mode === "keyframe-travel" ? "travel" : current.animationMode,
    keyframes: keyframes ? draftsFromKeyframes(keyframes) : current.keyframes,
    seedIncrement: parameters.seedIncrement === undefined ? current.seedIncrement : String(parameters.seedIncrement),
    border: parameters.border ?? current.border,
    interpolation: factor === 2 ? "2" : factor === 4 ? "4" : "1",
  };
  return {
    values,
    missingModel: model ? null : parameters.modelName || parameters.modelId || null,
    unknownSampler: samplerKnown ? null : parameters.sampler,
  };
}

/** What to say after a recall: where the settings came from, and what could not be taken over. */
export function videoRecallNotice(source: string, result: Pick<VideoRecallResult, "missingModel" | "unknownSampler">): string {
  const parts = [`Settings recalled from ${source}.`];
  if (result.missingModel) parts.push(`Its model “${result.missingModel}” is not installed, so the model was not changed.`);
  if (result.unknownSampler) parts.push(`Its sampler “${result.unknownSampler}” is not available for this model; the sampler was not kept.`);
  return parts.join(" ");
}
