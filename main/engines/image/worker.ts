import { runWorker } from "../worker-runtime";
import { createImageHandlers } from "./handlers";
import { ImageModels } from "./image-models";
import type { ImageMethods } from "./methods";

/** Entry of the image engine process (built to out/main/engine-image.js). */
const models = new ImageModels((level, message) => worker.log(level, message));
const worker = runWorker<ImageMethods>(createImageHandlers(models), { dispose: () => models.clear() });
