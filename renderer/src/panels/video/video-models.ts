import type { VideoModel } from "../../../../shared/video";

/** What the form's model is used for: a motion model makes clips itself, an image model through keyframes. */
export type VideoModelKind = "motion" | "image";

const CAPABILITY_WORDS: Record<VideoModel["capabilities"][number], string> = {
  "text-to-video": "text-to-video",
  "image-to-video": "image-to-video",
  "keyframe-animation": "keyframe animation",
  interpolation: "frame interpolation",
};

/** "text-to-video, image-to-video": what the model can do, for its option and the hint under the picker. */
export function capabilityText(model: VideoModel): string {
  return model.capabilities.map((capability) => CAPABILITY_WORDS[capability]).join(", ");
}

/** Models the Model picker offers: motion models and Stable Diffusion models (interpolators have their own control). */
export function pickableModels(models: readonly VideoModel[]): { motion: VideoModel[]; image: VideoModel[] } {
  return { motion: models.filter((model) => model.kind === "motion"), image: models.filter((model) => model.kind === "image") };
}

export function kindOf(model: VideoModel | undefined): VideoModelKind | undefined {
  return model?.kind === "motion" || model?.kind === "image" ? model.kind : undefined;
}

export function canStartFromImage(model: VideoModel | undefined): boolean {
  return model?.capabilities.includes("image-to-video") ?? false;
}

export function hasInterpolator(models: readonly VideoModel[]): boolean {
  return models.some((model) => model.kind === "interpolation");
}

/** A sentence under the picker saying how the chosen model makes a clip. */
export function modelExplanation(model: VideoModel | undefined): string {
  if (!model) return "Motion models make a clip from a prompt; Stable Diffusion models animate between keyframes.";
  if (model.kind === "motion") {
    return canStartFromImage(model)
      ? "A motion model: text-to-video, or image-to-video from an init image."
      : "A motion model: text-to-video (it has no image encoder, so no init image).";
  }
  return "A Stable Diffusion model: keyframe animation, by prompt travel or by feeding each frame back with a camera move.";
}
