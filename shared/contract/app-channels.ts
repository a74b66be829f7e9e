import { z } from "zod";
import { jobSchema } from "../jobs";
import { settingsPatchSchema, settingsSchema } from "../settings";
import { channel, empty } from "./channel";

/** The app itself, its settings and the job queue. */
export const appChannels = {
  "app.info": channel(
    empty,
    z.object({
      version: z.string(),
      dataDir: z.string(),
      mode: z.enum(["desktop", "serve"]),
      platform: z.string(),
    }),
  ),
  /** Settings → About: the version and the third-party notices (resources/THIRD_PARTY_NOTICES.md, Markdown). */
  "app.about": channel(empty, z.object({ version: z.string(), notices: z.string() })),

  "settings.get": channel(empty, settingsSchema),
  "settings.update": channel(settingsPatchSchema, settingsSchema),

  "jobs.list": channel(empty, z.array(jobSchema)),
  "jobs.cancel": channel(z.object({ id: z.string().min(1).max(100) }).strict(), jobSchema),
  "jobs.clearFinished": channel(empty, z.object({ removed: z.number().int().nonnegative() })),
} as const;
