import { settingsSchema, type Settings, type SettingsPatch } from "../../shared/settings";
import type { EventBus } from "../events/bus";
import { readJsonFile, writeJsonAtomic } from "../fs/atomic-json";
import type { Logger } from "../log/types";

export interface SettingsService {
  get(): Settings;
  /** Merges each section of `patch` over the current values, saves, emits `settings.changed`. */
  update(patch: SettingsPatch): Promise<Settings>;
}

/**
 * Loads `settings.json`; a missing file means defaults, a corrupt one is kept aside
 * (see readJsonFile) and replaced by defaults, which are saved at once.
 */
export async function createSettingsService(options: {
  file: string;
  events: EventBus;
  logger: Logger;
}): Promise<SettingsService> {
  const { file, events, logger } = options;
  const loaded = await readJsonFile(file, settingsSchema, logger);
  let current: Settings = loaded.kind === "ok" ? loaded.value : settingsSchema.parse({});
  if (loaded.kind !== "ok") await writeJsonAtomic(file, current);
  let writes: Promise<unknown> = Promise.resolve();

  return {
    get: () => current,
    update(patch) {
      // Updates run one after another, each over the last saved settings; the running value
      // changes only once its save has landed, so a failed save changes nothing.
      const update = writes.then(async () => {
        const next = mergeSettings(current, patch);
        await writeJsonAtomic(file, next);
        current = next;
        logger.log("info", "settings", "Settings changed", { patch });
        events.emit("settings.changed", next);
        return next;
      });
      writes = update.catch(() => undefined);
      return update;
    },
  };
}

/** Each section of `patch` over the same section of `current`; every section of the schema takes part. */
export function mergeSettings(current: Settings, patch: SettingsPatch): Settings {
  const sections = Object.keys(settingsSchema.shape) as (keyof Settings)[];
  const merged = Object.fromEntries(sections.map((section) => [section, { ...current[section], ...patch[section] }]));
  return settingsSchema.parse(merged);
}
