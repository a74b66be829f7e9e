import type { HandlersFor } from "../router";
import type { ImageService } from "./image-service";

export function imageHandlers(images: ImageService): HandlersFor<"image"> {
  return {
    "image.generate": (request) => images.generate(request),
    "image.upscale": (request) => images.upscale(request),
  };
}
