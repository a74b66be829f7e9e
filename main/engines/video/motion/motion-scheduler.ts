import { AppError } from "../../../../shared/errors";
import { createScheduler, parseSchedulerConfig, type Scheduler, type SchedulerConfig } from "../../image/schedulers";
import type { MotionSampler } from "../methods";
import type { TemplateSchedule } from "./amuse-template";

/**
 * SD 1.5's training schedule with the changes the AnimateDiff family's model cards make to it:
 * every one sets `beta_schedule="linear"` (AnimateDiff: DDIM with linspace spacing and
 * steps_offset 1; AnimateLCM: LCMScheduler; AnimateDiff-Lightning: Euler with trailing spacing).
 */
const ANIMATEDIFF_SCHEDULE = {
  num_train_timesteps: 1000,
  beta_start: 0.00085,
  beta_end: 0.012,
  beta_schedule: "linear",
  prediction_type: "epsilon",
  clip_sample: false,
  set_alpha_to_one: false,
  steps_offset: 1,
} as const;

const SPACING_BY_SAMPLER: Record<MotionSampler, "linspace" | "trailing" | undefined> = { ddim: "linspace", euler: "trailing", lcm: undefined };

/**
 * The scheduler config of a run: a diffusers `scheduler/scheduler_config.json` in the folder wins;
 * otherwise the family's schedule above, with what amuse_template.json says on top.
 */
export function motionSchedulerConfig(sampler: MotionSampler, folderConfig: unknown, template: TemplateSchedule): SchedulerConfig {
  const spacing = template.timestepSpacing ?? SPACING_BY_SAMPLER[sampler];
  const json = folderConfig ?? {
    ...ANIMATEDIFF_SCHEDULE,
    ...(template.betaSchedule ? { beta_schedule: template.betaSchedule } : {}),
    ...(template.betaStart !== undefined ? { beta_start: template.betaStart } : {}),
    ...(template.betaEnd !== undefined ? { beta_end: template.betaEnd } : {}),
    ...(spacing ? { timestep_spacing: spacing } : {}),
  };
  try {
    return parseSchedulerConfig(json);
  } catch (error) {
    throw new AppError("MODEL_INCOMPATIBLE", `The scheduler settings of this motion model cannot be used: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The sampler of one run; bad step counts and strengths are the request's fault. */
export function motionScheduler(sampler: MotionSampler, config: SchedulerConfig, steps: number, strength: number | undefined): Scheduler {
  try {
    return createScheduler(sampler, config, steps, strength);
  } catch (error) {
    if (error instanceof RangeError) throw new AppError("INVALID_INPUT", `${error.message}.`);
    throw error;
  }
}
