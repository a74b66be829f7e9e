import { imageGenerateRequestSchema, type ImageGenerateRequest, type Sampler } from "../../../../shared/image";
import { parseNumberField, type NumberRule } from "../../number-field";
import { MAX_SEED } from "./seed";
import { checkDimension } from "./size-presets";

/** The Image form as typed: numbers stay text until Generate, so a half-typed value is never lost. */
export interface ImageFormValues {
  prompt: string;
  negativePrompt: string;
  modelId: string;
  width: string;
  height: string;
  /** Whether the size was typed rather than picked from the presets. */
  customSize: boolean;
  steps: string;
  cfgScale: string;
  sampler: Sampler;
  /** Empty: a new random seed for every generation. */
  seed: string;
  batchCount: string;
  /** 0..1, used only with an init image. */
  strength: string;
}

export type ImageFormField = "prompt" | "negativePrompt" | "modelId" | "width" | "height" | "steps" | "cfgScale" | "seed" | "batchCount" | "strength";
/** Per field, plus `form` for a problem that belongs to no single field. */
export type ImageFormErrors = Partial<Record<ImageFormField | "form", string>>;

export const DEFAULT_IMAGE_FORM: ImageFormValues = {
  prompt: "",
  negativePrompt: "",
  modelId: "",
  width: "512",
  height: "512",
  customSize: false,
  steps: "20",
  cfgScale: "7",
  sampler: "euler_a",
  seed: "",
  batchCount: "1",
  strength: "0.75",
};

/** Where inpainting and img2img start from; both are data: URLs. */
export interface ImageSources {
  initImage: string | null;
  mask: string | null;
}

export type ImageFormResult = { ok: true; request: ImageGenerateRequest } | { ok: false; errors: ImageFormErrors };

const PROMPT_MAX = 10_000;
const NUMBER_RULES: Record<"steps" | "cfgScale" | "seed" | "batchCount" | "strength", NumberRule> = {
  steps: { label: "Steps", integer: true, min: 1, max: 150 },
  cfgScale: { label: "CFG scale", integer: false, min: 0, max: 30 },
  seed: { label: "Seed", integer: true, min: 0, max: MAX_SEED },
  batchCount: { label: "Batch count", integer: true, min: 1, max: 16 },
  strength: { label: "Strength", integer: false, min: 0, max: 1 },
};

/** Checks what was typed and builds the request; every problem is reported against its field, in words. */
export function parseImageForm(values: ImageFormValues, sources: ImageSources): ImageFormResult {
  const errors: ImageFormErrors = {};
  const numbers: Partial<Record<ImageFormField, number>> = {};
  const take = (field: ImageFormField, result: number | string) => {
    if (typeof result === "string") errors[field] = result;
    else numbers[field] = result;
  };
  if (!values.modelId) errors.modelId = "Choose an image model.";
  if (values.prompt.trim() === "") errors.prompt = "Describe the image you want in the prompt.";
  if (values.prompt.length > PROMPT_MAX) errors.prompt = `The prompt must be at most ${PROMPT_MAX.toLocaleString("en-US")} characters.`;
  if (values.negativePrompt.length > PROMPT_MAX) {
    errors.negativePrompt = `The negative prompt must be at most ${PROMPT_MAX.toLocaleString("en-US")} characters.`;
  }
  take("width", checkDimension("Width", values.width));
  take("height", checkDimension("Height", values.height));
  take("steps", parseNumberField(values.steps, NUMBER_RULES.steps));
  take("cfgScale", parseNumberField(values.cfgScale, NUMBER_RULES.cfgScale));
  take("batchCount", parseNumberField(values.batchCount, NUMBER_RULES.batchCount));
  if (values.seed.trim() !== "") take("seed", parseNumberField(values.seed, NUMBER_RULES.seed));
  if (sources.initImage) take("strength", parseNumberField(values.strength, NUMBER_RULES.strength));
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const checked = imageGenerateRequestSchema.safeParse({
    modelId: values.modelId,
    prompt: values.prompt,
    negativePrompt: values.negativePrompt,
    width: numbers.width,
    height: numbers.height,
    steps: numbers.steps,
    cfgScale: numbers.cfgScale,
    sampler: values.sampler,
    seed: numbers.seed ?? null,
    batchCount: numbers.batchCount,
    ...(sources.initImage ? { initImage: sources.initImage, strength: numbers.strength } : {}),
    ...(sources.initImage && sources.mask ? { mask: sources.mask } : {}),
  });
  if (!checked.success) {
    const issue = checked.error.issues[0];
    return { ok: false, errors: { form: issue ? `${issue.path.join(".") || "Request"}: ${issue.message}` : "Some values are not valid." } };
  }
  return { ok: true, request: checked.data };
}
