import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { AppError } from "../../../../shared/errors";

/** The parts of a diffusers / Optimum Stable Diffusion ONNX folder the engine reads. */
export interface PipelineFolder {
  root: string;
  sdxl: boolean;
  /** model_index.json's `force_zeros_for_empty_prompt` (SDXL): an empty negative prompt means zero embeddings. */
  zerosForEmptyNegative: boolean;
  unetConfig: UnetConfig;
  vaeScalingFactor: number;
  schedulerConfigJson: unknown;
  /** model.onnx of each component present; `vae_encoder` is optional (only img2img needs it). */
  onnx: { textEncoder: string; textEncoder2?: string; unet: string; vaeDecoder: string; vaeEncoder?: string };
  tokenizerDirs: { first: string; second?: string };
  /** .onnx files plus external weights (model.onnx_data, weights.pb): what loading costs in memory. */
  weightBytes: number;
}

const modelIndexSchema = z
  .object({ _class_name: z.string().optional(), text_encoder_2: z.unknown().optional(), force_zeros_for_empty_prompt: z.boolean().optional() })
  .loose();
const unetConfigSchema = z
  .object({ in_channels: z.number().int().optional(), time_cond_proj_dim: z.number().int().nullable().optional() })
  .loose();
const vaeConfigSchema = z.object({ scaling_factor: z.number().positive().optional() }).loose();
export type UnetConfig = z.infer<typeof unetConfigSchema>;

const DEFAULT_SCALING = { sd: 0.18215, sdxl: 0.13025 };

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    (info) => info.isFile(),
    () => false,
  );
}

async function readJson<T>(root: string, file: string, schema: z.ZodType<T>): Promise<T> {
  const full = path.join(root, file);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(full, "utf8"));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "is missing" : `is not valid JSON (${String(error)})`;
    throw new AppError("MODEL_INCOMPATIBLE", `This Stable Diffusion folder cannot be used: ${file} ${reason}.`, { file: full });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new AppError("MODEL_INCOMPATIBLE", `${file} does not look like a diffusers config: ${parsed.error.issues[0]?.message ?? "invalid"}.`);
  return parsed.data;
}

async function optionalJson<T>(root: string, file: string, schema: z.ZodType<T>): Promise<T | undefined> {
  return (await exists(path.join(root, file))) ? readJson(root, file, schema) : undefined;
}

async function weightBytes(dirs: readonly string[]): Promise<number> {
  let total = 0;
  for (const dir of dirs) {
    for (const name of await readdir(dir).catch(() => [])) {
      if (name.endsWith(".json")) continue;
      const info = await stat(path.join(dir, name)).catch(() => undefined);
      if (info?.isFile()) total += info.size;
    }
  }
  return total;
}

/** Reads and checks a pipeline folder; MODEL_INCOMPATIBLE names every file that is missing. */
export async function readPipelineFolder(root: string): Promise<PipelineFolder> {
  const index = await readJson(root, "model_index.json", modelIndexSchema);
  const declaresSecondEncoder = Array.isArray(index.text_encoder_2) && index.text_encoder_2[0] !== null;
  const sdxl = declaresSecondEncoder || /XL/.test(index._class_name ?? "");
  const required = [
    "scheduler/scheduler_config.json",
    "tokenizer/vocab.json",
    "tokenizer/merges.txt",
    "text_encoder/model.onnx",
    "unet/model.onnx",
    "vae_decoder/model.onnx",
    ...(sdxl ? ["tokenizer_2/vocab.json", "tokenizer_2/merges.txt", "text_encoder_2/model.onnx"] : []),
  ];
  const missing: string[] = [];
  for (const file of required) if (!(await exists(path.join(root, file)))) missing.push(file);
  if (missing.length > 0) {
    const kind = sdxl ? "Stable Diffusion XL" : "Stable Diffusion";
    throw new AppError("MODEL_INCOMPATIBLE", `This ${kind} folder is incomplete: ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} missing.`, {
      root,
      missing,
    });
  }
  const schedulerConfigJson: unknown = JSON.parse(await readFile(path.join(root, "scheduler/scheduler_config.json"), "utf8"));
  const unetConfig = (await optionalJson(root, "unet/config.json", unetConfigSchema)) ?? {};
  const vaeConfig = (await optionalJson(root, "vae_decoder/config.json", vaeConfigSchema)) ?? {};
  const components = ["text_encoder", "text_encoder_2", "unet", "vae_decoder", "vae_encoder"].map((name) => path.join(root, name));
  const vaeEncoder = path.join(root, "vae_encoder/model.onnx");
  return {
    root,
    sdxl,
    zerosForEmptyNegative: index.force_zeros_for_empty_prompt ?? sdxl,
    unetConfig,
    vaeScalingFactor: vaeConfig.scaling_factor ?? (sdxl ? DEFAULT_SCALING.sdxl : DEFAULT_SCALING.sd),
    schedulerConfigJson,
    onnx: {
      textEncoder: path.join(root, "text_encoder/model.onnx"),
      ...(sdxl ? { textEncoder2: path.join(root, "text_encoder_2/model.onnx") } : {}),
      unet: path.join(root, "unet/model.onnx"),
      vaeDecoder: path.join(root, "vae_decoder/model.onnx"),
      ...((await exists(vaeEncoder)) ? { vaeEncoder } : {}),
    },
    tokenizerDirs: { first: path.join(root, "tokenizer"), ...(sdxl ? { second: path.join(root, "tokenizer_2") } : {}) },
    weightBytes: await weightBytes(components),
  };
}
