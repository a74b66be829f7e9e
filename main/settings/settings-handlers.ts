import type { HandlersFor } from "../router";
import type { SettingsService } from "./settings-service";

export function settingsHandlers(settings: SettingsService): HandlersFor<"settings"> {
  return {
    "settings.get": async () => settings.get(),
    "settings.update": (patch) => settings.update(patch),
  };
}
