import type { HandlersFor } from "../router";
import type { EngineMonitor } from "./engine-monitor";
import type { ModelService } from "./model-service";

/** What unloading needs: the LLM engine, asked only while its process runs. */
export interface ModelUnloader {
  unload(modelId: string): Promise<boolean>;
}

export function modelHandlers(models: ModelService, unloader: ModelUnloader): HandlersFor<"models"> {
  return {
    "models.list": () => models.list(),
    "models.refresh": () => models.refresh(),
    "models.unload": async ({ id }) => {
      await models.get(id);
      return { unloaded: await unloader.unload(id) };
    },
    "models.delete": async ({ id }) => {
      await models.get(id);
      // Unload first: the engine must not hold a file that is about to disappear.
      await unloader.unload(id);
      await models.delete(id);
      return { deleted: true };
    },
  };
}

export function engineHandlers(monitor: EngineMonitor): HandlersFor<"engines"> {
  return {
    "engines.status": async () => monitor.status(),
  };
}
