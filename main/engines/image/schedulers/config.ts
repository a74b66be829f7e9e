import { z } from "zod";

/**
 * The fields of a diffusers scheduler_config.json that the samplers read. Fields a config may
 * leave out stay undefined when their default differs between scheduler classes (diffusers'
 * `from_config` falls back to the chosen class's own default).
 */
const schedulerConfigSchema = z
  .object({
    num_train_timesteps: z.number().int().positive().default(1000),
    beta_start: z.number().positive().default(0.0001),
    beta_end: z.number().positive().default(0.02),
    beta_schedule: z.enum(["linear", "scaled_linear", "squaredcos_cap_v2"]).default("linear"),
    trained_betas: z.array(z.number().positive().lt(1)).nullable().default(null),
    prediction_type: z.enum(["epsilon", "v_prediction", "sample"]).default("epsilon"),
    timestep_spacing: z.enum(["linspace", "leading", "trailing"]).optional(),
    steps_offset: z.number().int().nonnegative().default(0),
    set_alpha_to_one: z.boolean().optional(),
    clip_sample: z.boolean().optional(),
    clip_sample_range: z.number().positive().default(1),
    use_karras_sigmas: z.boolean().nullable().default(false),
    interpolation_type: z.enum(["linear", "log_linear"]).default("linear"),
    original_inference_steps: z.number().int().positive().default(50),
    timestep_scaling: z.number().positive().default(10),
    rescale_betas_zero_snr: z.boolean().default(false),
  })
  .passthrough();

export type TimestepSpacing = "linspace" | "leading" | "trailing";
export type PredictionType = "epsilon" | "v_prediction" | "sample";

export interface SchedulerConfig {
  numTrainTimesteps: number;
  betaStart: number;
  betaEnd: number;
  betaSchedule: "linear" | "scaled_linear" | "squaredcos_cap_v2";
  trainedBetas: number[] | null;
  predictionType: PredictionType;
  /** Undefined: the sampler's diffusers default (Euler, DPM++: linspace; DDIM, LCM: leading). */
  timestepSpacing: TimestepSpacing | undefined;
  stepsOffset: number;
  /** Undefined: the sampler's default (DDIM and LCM: true). */
  setAlphaToOne: boolean | undefined;
  /** Undefined: the sampler's default (DDIM: true, LCM: false). */
  clipSample: boolean | undefined;
  clipSampleRange: number;
  useKarrasSigmas: boolean;
  interpolationType: "linear" | "log_linear";
  originalInferenceSteps: number;
  timestepScaling: number;
  rescaleBetasZeroSnr: boolean;
}

/** Reads scheduler/scheduler_config.json; throws a readable Error when a field is invalid. */
export function parseSchedulerConfig(json: unknown): SchedulerConfig {
  const parsed = schedulerConfigSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`invalid scheduler config${issue ? ` at ${issue.path.join(".") || "root"}: ${issue.message}` : ""}`);
  }
  const c = parsed.data;
  if (c.trained_betas !== null && c.trained_betas.length !== c.num_train_timesteps) {
    throw new Error(`trained_betas has ${c.trained_betas.length} values for ${c.num_train_timesteps} train timesteps`);
  }
  return {
    numTrainTimesteps: c.num_train_timesteps,
    betaStart: c.beta_start,
    betaEnd: c.beta_end,
    betaSchedule: c.beta_schedule,
    trainedBetas: c.trained_betas,
    predictionType: c.prediction_type,
    timestepSpacing: c.timestep_spacing,
    stepsOffset: c.steps_offset,
    setAlphaToOne: c.set_alpha_to_one,
    clipSample: c.clip_sample,
    clipSampleRange: c.clip_sample_range,
    useKarrasSigmas: c.use_karras_sigmas ?? false,
    interpolationType: c.interpolation_type,
    originalInferenceSteps: c.original_inference_steps,
    timestepScaling: c.timestep_scaling,
    rescaleBetasZeroSnr: c.rescale_betas_zero_snr,
  };
}
