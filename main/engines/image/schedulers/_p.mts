import { createScheduler, parseSchedulerConfig } from "./index";
const sd15 = parseSchedulerConfig({ beta_start: 0.00085, beta_end: 0.012, beta_schedule: "scaled_linear", num_train_timesteps: 1000, steps_offset: 1, set_alpha_to_one: false, skip_prk_steps: true, clip_sample: false });
for (const spacing of [undefined, "leading", "trailing"] as const) {
  const s = createScheduler("euler", { ...sd15, timestepSpacing: spacing }, 20);
  console.log(spacing, s.timesteps.map((t) => t.toFixed(4)).join(" "), s.initNoiseSigma);
}
for (const n of [1, 2, 4, 8]) console.log("lcm", n, createScheduler("lcm", sd15, n).timesteps.join(" "));
console.log("ddim50", createScheduler("ddim", sd15, 50).timesteps.join(" "));
console.log("dpm20", createScheduler("dpmpp_2m_karras", sd15, 20).timesteps.join(" "));
console.log("turbo4", createScheduler("euler", { ...sd15, timestepSpacing: "trailing" }, 4).timesteps.join(" "));
