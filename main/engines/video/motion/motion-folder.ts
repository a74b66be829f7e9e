import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { AppError } from "../../../../shared/errors";
import { parseAmuseTemplate, type MotionTemplate } from "./amuse-template";

/**
 * The parts of an AnimateDiff-class folder in the OnnxStack / Amuse "Locomotion" layout
 * (TensorStack/Locomotion-amuse): text_encoder, tokenizer, unet (model.onnx + model.onnx.data),
 * vae_decoder, vae_encoder and amuse_template.json. controlnet/, flow_estimation/ and resample/
 * may be present and are not used.
 */
export interface MotionFolder {
  root: string;
  onnx: { textEncoder: string; unet: string; vaeDecoder: string; vaeEncoder?: string };
  tokenizerDir: string;
  template?: MotionTemplate;
  /** A diffusers scheduler/scheduler_config.json, when the folder has one. */
  schedulerConfigJson?: unknown;
  vaeScalingFactor: number;
  /** The weights the engine loads (model.onnx plus external data): what loading costs in memory. */
  weightBytes: number;
}

const REQUIRED = ["tokenizer/vocab.json", "tokenizer/merges.txt", "text_encoder/model.onnx", "unet/model.onnx", "vae_decoder/model.onnx"] as const;
const LOADED_PARTS = ["text_encoder", "unet", "vae_decoder", "vae_encoder"] as const;
/** SD 1.5's VAE, which every AnimateDiff model uses (OnnxStack's Locomotion model set fixes 0.18215 too). */
const SD15_VAE_SCALING = 0.18215;
const vaeConfigSchema = z.object({ scaling_factor: z.number().positive().optional() }).loose();

async function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (info) => info.isFile(),
    () => false,
  );
}

async function optionalJson(root: string, file: string): Promise<unknown> {
  const full = path.join(root, file);
  if (!(await isFile(full))) return undefined;
  try {
    return JSON.parse(await readFile(full, "utf8")) as unknown;
  } catch (error) {
    throw new AppError("MODEL_INCOMPATIBLE", `This motion model's ${file} is not valid JSON (${error instanceof Error ? error.message : String(error)}).`, { file: full });
  }
}

async function weightBytes(root: string): Promise<number> {
  let total = 0;
  for (const part of LOADED_PARTS) {
    const dir = path.join(root, part);
    for (const name of await readdir(dir).catch(() => [])) {
      if (name.endsWith(".json")) continue;
      const info = await stat(path.join(dir, name)).catch(() => undefined);
      if (info?.isFile()) total += info.size;
    }
  }
  return total;
}

function readTemplate(json: unknown): MotionTemplate | undefined {
  if (json === undefined) return undefined;
  try {
    return parseAmuseTemplate(json);
  } catch (error) {
    throw new AppError("MODEL_INCOMPATIBLE", `amuse_template.json cannot be read: ${error instanceof Error ? error.message : String(error)}.`);
  }
}

/** Reads and checks a motion pipeline folder; MODEL_INCOMPATIBLE names every file that is missing. */
export async function readMotionFolder(root: string): Promise<MotionFolder> {
  const missing: string[] = [];
  for (const file of REQUIRED) if (!(await isFile(path.join(root, file)))) missing.push(file);
  if (missing.length > 0) {
    const imageModel = await isFile(path.join(root, "model_index.json"));
    const hint = imageModel ? " It looks like a Stable Diffusion image model: use it in the Image studio or for keyframe animation." : "";
    throw new AppError(
      "MODEL_INCOMPATIBLE",
      `This motion model folder is incomplete: ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} missing.${hint}`,
      { root, missing },
    );
  }
  const vaeEncoder = path.join(root, "vae_encoder/model.onnx");
  const template = readTemplate(await optionalJson(root, "amuse_template.json"));
  const schedulerConfigJson = await optionalJson(root, "scheduler/scheduler_config.json");
  const vaeConfig = vaeConfigSchema.safeParse((await optionalJson(root, "vae_decoder/config.json")) ?? {});
  return {
    root,
    onnx: {
      textEncoder: path.join(root, "text_encoder/model.onnx"),
      unet: path.join(root, "unet/model.onnx"),
      vaeDecoder: path.join(root, "vae_decoder/model.onnx"),
      ...((await isFile(vaeEncoder)) ? { vaeEncoder } : {}),
    },
    tokenizerDir: path.join(root, "tokenizer"),
    ...(template ? { template } : {}),
    ...(schedulerConfigJson !== undefined ? { schedulerConfigJson } : {}),
    vaeScalingFactor: (vaeConfig.success ? vaeConfig.data.scaling_factor : undefined) ?? SD15_VAE_SCALING,
    weightBytes: await weightBytes(root),
  };
}
