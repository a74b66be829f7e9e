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
    async update(patch) {
      const next = settingsSchema.parse({
        llm: { ...current.llm, ...patch.llm },
        engines: { ...current.engines, ...patch.engines },
        hub: { ...current.hub, ...patch.hub },
        downloads: { ...current.downloads, ...patch.downloads },
        models: { ...current.models, ...patch.models },
      });
      current = next;
      // Saves run one after another so the file always ends with the newest settings.
      const write = writes.then(() => writeJsonAtomic(file, next));
      writes = write.catch(() => undefined);
      await write;
      logger.log("info", "settings", "Settings changed", { patch });
      events.emit("settings.changed", next);
      return next;
    },
  };
}
