import type { Sampler } from "../../../../shared/image";
import type { SchedulerConfig } from "./config";
import { createDdimScheduler } from "./ddim";
import { createDpmpp2mScheduler } from "./dpmpp-2m";
import { createEulerScheduler } from "./euler";
import { createLcmScheduler } from "./lcm";
import type { Scheduler } from "./types";

export { parseSchedulerConfig, type SchedulerConfig } from "./config";
export type { Scheduler, StepResult } from "./types";

/**
 * A sampler for one run, numerically following diffusers' scheduler of the same name built
 * `from_config` on the model's scheduler_config.json. `strength` (img2img, 0–1) skips the first
 * steps as diffusers' get_timesteps does (LCM applies it to its own schedule instead).
 */
export function createScheduler(sampler: Sampler, config: SchedulerConfig, steps: number, strength?: number): Scheduler {
  if (!Number.isInteger(steps) || steps < 1 || steps > config.numTrainTimesteps) {
    throw new RangeError(`steps must be an integer in 1…${config.numTrainTimesteps}, got ${steps}`);
  }
  if (strength !== undefined && !(strength >= 0 && strength <= 1)) throw new RangeError(`strength must be in 0…1, got ${strength}`);
  switch (sampler) {
    case "euler":
      return createEulerScheduler(config, steps, strength, false);
    case "euler_a":
      return createEulerScheduler(config, steps, strength, true);
    case "ddim":
      return createDdimScheduler(config, steps, strength);
    case "dpmpp_2m_karras":
      return createDpmpp2mScheduler(config, steps, strength);
    case "lcm":
      return createLcmScheduler(config, steps, strength);
  }
}
