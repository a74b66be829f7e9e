import type { Settings } from "../../shared/settings";
import type { CatalogLookup } from "../catalog/catalog";
import { catalogHandlers } from "../catalog/catalog-handlers";
import { CatalogService } from "../catalog/catalog-service";
import type { LlmMethods } from "../engines/llm/methods";
import type { OnnxMethods } from "../engines/onnx/methods";
import { OnnxInspector } from "../engines/onnx/onnx-inspector";
import type { EngineClient } from "../engines/protocol";
import { hardwareHandlers } from "../hardware/hardware-handlers";
import { HardwareService } from "../hardware/hardware-service";
import type { Logger } from "../log/types";
import type { Handlers } from "../router";
import type { MemoryBroker } from "./memory-broker";
import { modelHandlers, type ModelUnloader } from "./model-handlers";
import { ModelFitService } from "./model-fit";
import { ModelImporter } from "./model-importer";
import type { ModelService } from "./model-service";

export interface ModelLibraryDeps {
  models: ModelService;
  catalog: CatalogLookup;
  llm: EngineClient<LlmMethods>;
  memory: Pick<MemoryBroker, "makeRoom">;
  /** The ONNX engine, for validating imports and listing providers (stopped again when idle). */
  onnx: Pick<EngineClient<OnnxMethods>, "call" | "stop">;
  settings: () => Settings;
  logger: Logger;
}

type LibraryChannels = Pick<Handlers, Extract<keyof Handlers, `models.${string}` | `hardware.${string}` | `catalog.${string}`>>;

/** The model library's services (hardware, fit and load, import, catalog) and their channels. */
export function createModelLibrary({ models, catalog, llm, memory, onnx: onnxEngine, settings, logger }: ModelLibraryDeps) {
  const onnx = new OnnxInspector(onnxEngine);
  const hardware = new HardwareService({ llm, onnxProviders: () => onnx.providers(), settings, logger });
  const fits = new ModelFitService({ getModel: (id) => models.get(id), llm, memory, budget: () => hardware.budget(), settings, logger });
  const importer = new ModelImporter({ models, inspectOnnx: (paths) => onnx.inspect(paths), logger });
  const catalogService = new CatalogService({ catalog, installedSources: () => models.installedSources(), budget: () => hardware.budget(), settings });
  return {
    hardware,
    fits,
    /** `unloader` frees a model in every engine that may hold it. */
    handlers: (unloader: ModelUnloader): LibraryChannels => ({
      ...modelHandlers({ models, unloader, fits, importer }),
      ...hardwareHandlers(hardware),
      ...catalogHandlers(catalogService),
    }),
    stop: () => onnx.stop(),
  };
}
