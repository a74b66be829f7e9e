import { SAMPLERS } from "../../../../shared/image";
import {
  keyframeAnimateRequestSchema,
  MAX_CLIP_FRAMES,
  MOTION_SAMPLERS,
  videoGenerateRequestSchema,
  type KeyframeAnimateRequest,
  type VideoGenerateRequest,
  type VideoModel,
} from "../../../../shared/video";
import { parseNumberField, type NumberRule } from "../../number-field";
import { checkDimension } from "../image/size-presets";
import { MAX_SEED } from "../image/seed";
import { FIRST_KEYFRAME, parseKeyframes, type KeyframeDraft, type KeyframeErrors } from "./keyframes";
import { canStartFromImage, hasInterpolator, kindOf, type VideoModelKind } from "./video-models";

export const INTERPOLATION_CHOICES = ["1", "2", "4"] as const;
export type InterpolationChoice = (typeof INTERPOLATION_CHOICES)[number];
export type AnimationMode = "travel" | "feedback";
export type BorderMode = "reflect" | "replicate";

/** The Video form as typed: numbers stay text until Generate, so a half-typed value is never lost. */
export interface VideoFormValues {
  prompt: string;
  negativePrompt: string;
  modelId: string;
  frames: string;
  fps: string;
  width: string;
  height: string;
  customSize: boolean;
  steps: string;
  cfgScale: string;
  /** A motion sampler (lcm, euler, ddim) or an image one; checked against the chosen model's kind. */
  sampler: string;
  /** Empty: a new random seed for every clip. */
  seed: string;
  /** Image-to-video / feedback: 0 keeps the image, 1 ignores it. */
  strength: string;
  /** Keyframe animation with a Stable Diffusion model. */
  animationMode: AnimationMode;
  keyframes: KeyframeDraft[];
  /** Keyframe animation: frame n's seed is seed + n · this (0: one noise for the whole clip). */
  seedIncrement: string;
  /** Feedback: how a camera move fills what comes into view. */
  border: BorderMode;
  /** ×1 keeps the frames; ×2 / ×4 runs RIFE on the finished clip. */
  interpolation: InterpolationChoice;
}

export type VideoFormField =
  | "prompt"
  | "negativePrompt"
  | "modelId"
  | "frames"
  | "fps"
  | "width"
  | "height"
  | "steps"
  | "cfgScale"
  | "sampler"
  | "seed"
  | "seedIncrement"
  | "strength"
  | "initImage"
  | "interpolation";
export type VideoFormErrors = Partial<Record<VideoFormField | "form", string>> & { keyframes?: KeyframeErrors };

/** What each kind of model starts with: the settings AnimateLCM / Lightning and SD 1.5 are made for. */
export const KIND_DEFAULTS: Record<VideoModelKind, Pick<VideoFormValues, "frames" | "steps" | "cfgScale" | "sampler" | "strength">> = {
  motion: { frames: "16", steps: "8", cfgScale: "1", sampler: "lcm", strength: "0.75" },
  image: { frames: "24", steps: "20", cfgScale: "7", sampler: "euler", strength: "0.45" },
};

export const DEFAULT_VIDEO_FORM: VideoFormValues = {
  prompt: "",
  negativePrompt: "",
  modelId: "",
  ...KIND_DEFAULTS.motion,
  fps: "8",
  width: "512",
  height: "512",
  customSize: false,
  seed: "",
  animationMode: "travel",
  keyframes: [FIRST_KEYFRAME],
  seedIncrement: "0",
  border: "reflect",
  interpolation: "1",
};

export type VideoRequest = { channel: "video.generate"; request: VideoGenerateRequest } | { channel: "video.animate"; request: KeyframeAnimateRequest };
export type VideoFormResult = { ok: true; job: VideoRequest; interpolation: 1 | 2 | 4 } | { ok: false; errors: VideoFormErrors };

export interface VideoFormContext {
  /** Every model the Video panel knows (video.models): the chosen one, and whether an interpolator exists. */
  models: readonly VideoModel[];
  initImage: string | null;
}

const PROMPT_MAX = 10_000;
/** LCM's distillation schedule has 50 steps (original_inference_steps) unless a model's scheduler config says otherwise. */
const LCM_MAX_STEPS = 50;
const RULES: Record<"frames" | "fps" | "steps" | "cfgScale" | "seed" | "seedIncrement" | "strength", NumberRule> = {
  frames: { label: "Frames", integer: true, min: 1, max: MAX_CLIP_FRAMES },
  fps: { label: "FPS", integer: false, min: 1, max: 60 },
  steps: { label: "Steps", integer: true, min: 1, max: 150 },
  cfgScale: { label: "CFG scale", integer: false, min: 0, max: 30 },
  seed: { label: "Seed", integer: true, min: 0, max: MAX_SEED },
  seedIncrement: { label: "Noise step per frame", integer: true, min: -1024, max: 1024 },
  strength: { label: "Strength", integer: false, min: 0, max: 1 },
};

/** The samplers the model's kind takes. */
export function samplersFor(kind: VideoModelKind): readonly string[] {
  return kind === "motion" ? MOTION_SAMPLERS : SAMPLERS;
}

/** Checks what was typed and builds the request for the chosen model's kind; every problem is reported against its field. */
export function parseVideoForm(values: VideoFormValues, context: VideoFormContext): VideoFormResult {
  const errors: VideoFormErrors = {};
  const numbers: Partial<Record<VideoFormField, number>> = {};
  const take = (field: VideoFormField, result: number | string) => {
    if (typeof result === "string") errors[field] = result;
    else numbers[field] = result;
  };
  const model = context.models.find((candidate) => candidate.id === values.modelId);
  const kind = kindOf(model);
  if (!values.modelId) errors.modelId = "Choose a motion model or a Stable Diffusion model.";
  else if (!kind) errors.modelId = "That model is not installed any more, or cannot make clips: choose another.";
  if (values.prompt.trim() === "") errors.prompt = "Describe the clip you want in the prompt.";
  if (values.prompt.length > PROMPT_MAX) errors.prompt = `The prompt must be at most ${PROMPT_MAX.toLocaleString("en-US")} characters.`;
  if (values.negativePrompt.length > PROMPT_MAX) errors.negativePrompt = `The negative prompt must be at most ${PROMPT_MAX.toLocaleString("en-US")} characters.`;
  take("frames", parseNumberField(values.frames, RULES.frames));
  take("fps", parseNumberField(values.fps, RULES.fps));
  take("width", checkDimension("Width", values.width));
  take("height", checkDimension("Height", values.height));
  take("steps", parseNumberField(values.steps, RULES.steps));
  take("cfgScale", parseNumberField(values.cfgScale, RULES.cfgScale));
  if (values.seed.trim() !== "") take("seed", parseNumberField(values.seed, RULES.seed));
  if (kind && !samplersFor(kind).includes(values.sampler)) errors.sampler = "Choose one of the samplers listed for this model.";
  if (values.sampler === "lcm" && (numbers.steps ?? 0) > LCM_MAX_STEPS) errors.steps = `LCM runs at most ${LCM_MAX_STEPS} steps: use fewer, or another sampler.`;
  if (kind === "image") take("seedIncrement", parseNumberField(values.seedIncrement, RULES.seedIncrement));

  const feedback = kind === "image" && values.animationMode === "feedback";
  const usesInitImage = context.initImage !== null && kind !== undefined;
  if (context.initImage && kind === "motion" && !canStartFromImage(model)) {
    errors.initImage = "This motion model has no image encoder, so it cannot start from an image: remove the init image or choose another model.";
  }
  if (usesInitImage || feedback) take("strength", parseNumberField(values.strength, RULES.strength));
  if (values.interpolation !== "1" && !hasInterpolator(context.models)) {
    errors.interpolation = "Interpolation needs a RIFE model: download “RIFE 4.9 frame interpolation” from the catalog, or choose ×1.";
  }
  const keyframes = kind === "image" ? parseKeyframes(values.keyframes, values.prompt, feedback) : null;
  if (keyframes && !keyframes.ok) errors.keyframes = keyframes.errors;
  if (Object.keys(errors).length > 0 || !kind) return { ok: false, errors };

  const common = {
    modelId: values.modelId,
    negativePrompt: values.negativePrompt,
    frames: numbers.frames,
    fps: numbers.fps,
    width: numbers.width,
    height: numbers.height,
    steps: numbers.steps,
    cfgScale: numbers.cfgScale,
    sampler: values.sampler,
    seed: numbers.seed ?? null,
    ...(usesInitImage ? { initImage: context.initImage, strength: numbers.strength } : {}),
  };
  const interpolation = Number(values.interpolation) as 1 | 2 | 4;
  if (kind === "motion") {
    const checked = videoGenerateRequestSchema.safeParse({ ...common, prompt: values.prompt });
    return checked.success ? { ok: true, job: { channel: "video.generate", request: checked.data }, interpolation } : schemaFailure(checked.error.issues);
  }
  const checked = keyframeAnimateRequestSchema.safeParse({
    ...common,
    mode: values.animationMode,
    keyframes: keyframes?.ok ? keyframes.keyframes : [],
    seedIncrement: numbers.seedIncrement,
    ...(feedback ? { strength: numbers.strength, border: values.border } : {}),
  });
  return checked.success ? { ok: true, job: { channel: "video.animate", request: checked.data }, interpolation } : schemaFailure(checked.error.issues);
}

function schemaFailure(issues: readonly { path: readonly PropertyKey[]; message: string }[]): VideoFormResult {
  const issue = issues[0];
  return { ok: false, errors: { form: issue ? `${issue.path.map(String).join(".") || "Request"}: ${issue.message}` : "Some values are not valid." } };
}

/** When the model's kind changes, its defaults replace the old kind's; the prompt, size and seed stay. */
export function patchForModel(model: VideoModel | undefined, previous: VideoModel | undefined): Partial<VideoFormValues> {
  const kind = kindOf(model);
  if (!model || !kind) return { modelId: model?.id ?? "" };
  if (kind === kindOf(previous)) return { modelId: model.id };
  return { modelId: model.id, ...KIND_DEFAULTS[kind] };
}

/** "2.0 s at 8 fps": the clip's length for the hint under Frames; empty while a value is not a number. */
export function durationText(frames: string, fps: string, interpolation: InterpolationChoice): string {
  const count = Number(frames);
  const rate = Number(fps);
  if (!(count > 0) || !(rate > 0)) return "";
  const seconds = (count / rate).toFixed(1);
  if (interpolation === "1") return `${seconds} s at ${fps} fps.`;
  const factor = Number(interpolation);
  return `${seconds} s at ${fps} fps; ×${factor} interpolation makes ${(count - 1) * factor + 1} frames at ${rate * factor} fps.`;
}
