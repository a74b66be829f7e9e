import { z } from "zod";
import type { MotionSampler } from "../methods";

/**
 * What Atelier reads of an Amuse `amuse_template.json`. Its verified fields (Amuse's own
 * templates) are Name and StableDiffusionTemplate.{PipelineType, SampleSize, DiffuserTypes,
 * SchedulerDefaults.{SchedulerType, Steps, Guidance, TimestepSpacing, BetaSchedule, BetaStart,
 * BetaEnd}}; `ContextSize` is OnnxStack's name for the window size (UNetConditionModelConfig)
 * and is only read when the UNet itself leaves the frame axis open. Unknown fields are ignored.
 */
const schedulerDefaultsSchema = z
  .object({
    SchedulerType: z.string().optional(),
    Steps: z.number().int().positive().optional(),
    Guidance: z.number().nonnegative().optional(),
    TimestepSpacing: z.string().optional(),
    BetaSchedule: z.string().optional(),
    BetaStart: z.number().positive().optional(),
    BetaEnd: z.number().positive().optional(),
  })
  .loose();

const templateSchema = z
  .object({
    Name: z.string().optional(),
    StableDiffusionTemplate: z
      .object({
        PipelineType: z.string().optional(),
        ContextSize: z.number().int().positive().optional(),
        DiffuserTypes: z.array(z.string()).optional(),
        SchedulerDefaults: schedulerDefaultsSchema.optional(),
      })
      .loose()
      .optional(),
  })
  .loose();

/** The training schedule the template names, in diffusers' spelling. */
export interface TemplateSchedule {
  betaSchedule?: "linear" | "scaled_linear";
  betaStart?: number;
  betaEnd?: number;
  timestepSpacing?: "leading" | "trailing" | "linspace";
}

export interface MotionTemplate {
  name?: string;
  pipelineType?: string;
  contextSize?: number;
  diffuserTypes: string[];
  defaults: { sampler?: MotionSampler; steps?: number; cfgScale?: number };
  schedule: TemplateSchedule;
}

const SAMPLER_OF: Record<string, MotionSampler> = { locomotion: "lcm", lcm: "lcm", euler: "euler", ddim: "ddim" };
const BETA_SCHEDULE_OF: Record<string, TemplateSchedule["betaSchedule"]> = { linear: "linear", scaledlinear: "scaled_linear" };
const SPACING_OF: Record<string, TemplateSchedule["timestepSpacing"]> = { leading: "leading", trailing: "trailing", linspace: "linspace" };

function key(value: string | undefined): string {
  return (value ?? "").toLowerCase().replace(/[^a-z]/g, "");
}

/** Parses the template; throws a readable Error when it is not one. */
export function parseAmuseTemplate(json: unknown): MotionTemplate {
  const parsed = templateSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${issue?.path.join(".") || "its root"}: ${issue?.message ?? "invalid"}`);
  }
  const template = parsed.data.StableDiffusionTemplate;
  const defaults = template?.SchedulerDefaults;
  const sampler = SAMPLER_OF[key(defaults?.SchedulerType)];
  const betaSchedule = BETA_SCHEDULE_OF[key(defaults?.BetaSchedule)];
  const timestepSpacing = SPACING_OF[key(defaults?.TimestepSpacing)];
  return {
    ...(parsed.data.Name !== undefined ? { name: parsed.data.Name } : {}),
    ...(template?.PipelineType !== undefined ? { pipelineType: template.PipelineType } : {}),
    ...(template?.ContextSize !== undefined ? { contextSize: template.ContextSize } : {}),
    diffuserTypes: template?.DiffuserTypes ?? [],
    defaults: {
      ...(sampler ? { sampler } : {}),
      ...(defaults?.Steps !== undefined ? { steps: defaults.Steps } : {}),
      ...(defaults?.Guidance !== undefined ? { cfgScale: defaults.Guidance } : {}),
    },
    schedule: {
      ...(betaSchedule ? { betaSchedule } : {}),
      ...(defaults?.BetaStart !== undefined ? { betaStart: defaults.BetaStart } : {}),
      ...(defaults?.BetaEnd !== undefined ? { betaEnd: defaults.BetaEnd } : {}),
      ...(timestepSpacing ? { timestepSpacing } : {}),
    },
  };
}
