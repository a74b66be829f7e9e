import { stat } from "node:fs/promises";
import path from "node:path";
import { AppError } from "../../shared/errors";
import type { ModelInfo } from "../../shared/models";
import type { VideoModel } from "../../shared/video";

/** The installed models, as the model service lists them. */
export interface VideoModelSource {
  get(id: string): Promise<ModelInfo>;
  list(): Promise<ModelInfo[]>;
}

async function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (info) => info.isFile(),
    () => false,
  );
}

/**
 * What an installed model is to the Video panel, from its family and files: a video-family folder
 * with `unet/model.onnx` is a motion pipeline (Locomotion layout; image-to-video when it has a VAE
 * encoder), any other video-family ONNX model an interpolator (RIFE), an ONNX Stable Diffusion
 * model (family image) a keyframe animator. Undefined for everything else.
 */
export async function describeVideoModel(model: ModelInfo): Promise<VideoModel | undefined> {
  if (model.format !== "onnx") return undefined;
  const base = { id: model.id, name: model.name };
  if (model.family === "image") return { ...base, kind: "image", capabilities: ["keyframe-animation"] };
  if (model.family !== "video") return undefined;
  if (await isFile(path.join(model.path, "unet", "model.onnx"))) {
    const imageToVideo = await isFile(path.join(model.path, "vae_encoder", "model.onnx"));
    return { ...base, kind: "motion", capabilities: imageToVideo ? ["text-to-video", "image-to-video"] : ["text-to-video"] };
  }
  return { ...base, kind: "interpolation", capabilities: ["interpolation"] };
}

export async function listVideoModels(models: VideoModelSource): Promise<VideoModel[]> {
  const described = await Promise.all((await models.list()).map(describeVideoModel));
  return described.filter((model): model is VideoModel => model !== undefined);
}

const WANTED: Record<VideoModel["kind"], string> = {
  motion: "a motion model (AnimateDiff-class, Locomotion layout)",
  image: "a Stable Diffusion (ONNX) model",
  interpolation: "a frame interpolation model (RIFE)",
};

/** The installed model `id`, if it is of `kind`; MODEL_INCOMPATIBLE says what it is instead. */
export async function requireVideoModel(models: VideoModelSource, id: string, kind: VideoModel["kind"]): Promise<ModelInfo> {
  const model = await models.get(id);
  const described = await describeVideoModel(model);
  if (described?.kind !== kind) {
    const what = described ? WANTED[described.kind] : `a ${model.family} model (${model.format})`;
    throw new AppError("MODEL_INCOMPATIBLE", `“${model.name}” is ${what}; this needs ${WANTED[kind]}.`);
  }
  return model;
}

/** A motion model that can start from an image (it has a VAE encoder); MODEL_INCOMPATIBLE otherwise. */
export async function requireImageToVideo(model: ModelInfo): Promise<void> {
  const described = await describeVideoModel(model);
  if (!described?.capabilities.includes("image-to-video")) {
    throw new AppError("MODEL_INCOMPATIBLE", `“${model.name}” has no VAE encoder (vae_encoder/model.onnx), so it cannot start from an image; generate from text, or pick a model that can.`);
  }
}

/** The interpolator asked for, else the first one installed; MODEL_NOT_INSTALLED when there is none. */
export async function chooseInterpolator(models: VideoModelSource, id: string | undefined): Promise<ModelInfo> {
  if (id) return requireVideoModel(models, id, "interpolation");
  const first = (await listVideoModels(models)).find((model) => model.kind === "interpolation");
  if (!first) throw new AppError("MODEL_NOT_INSTALLED", "Interpolation needs a RIFE model: download “RIFE 4.9 frame interpolation” from the model library first.");
  return models.get(first.id);
}
