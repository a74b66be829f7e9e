import type { HandlersFor } from "../router";
import type { EngineMonitor } from "./engine-monitor";
import type { ModelFitService } from "./model-fit";
import type { ModelImporter } from "./model-importer";
import type { ModelService } from "./model-service";

/** What unloading needs: every engine that may hold the model, asked only while its process runs. */
export interface ModelUnloader {
  unload(modelId: string): Promise<boolean>;
}

export interface ModelHandlerDeps {
  models: ModelService;
  unloader: ModelUnloader;
  fits: ModelFitService;
  importer: ModelImporter;
}

export function modelHandlers({ models, unloader, fits, importer }: ModelHandlerDeps): HandlersFor<"models"> {
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
      fits.forget(id);
      return { deleted: true };
    },
    "models.load": ({ id, force }) => fits.load(id, force),
    "models.fit": ({ id, contextSize }) => fits.fit(id, contextSize),
    "models.import": (request) => importer.import(request),
  };
}

export function engineHandlers(monitor: EngineMonitor): HandlersFor<"engines"> {
  return {
    "engines.status": () => monitor.current(),
  };
}
