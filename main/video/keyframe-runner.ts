import { AppError } from "../../shared/errors";
import type { ImageMethods } from "../engines/image/methods";
import type { EngineClient } from "../engines/protocol";
import type { KeyframeRunner } from "./keyframe-service";

/**
 * Keyframe animation on the image engine. The engine's `animate` method is not in this build yet
 * (main/engines/image/animate/ is being written), so the runner says so instead of guessing its API.
 */
export function imageEngineKeyframeRunner(_engine: Pick<EngineClient<ImageMethods>, "call">): KeyframeRunner {
  return () => Promise.reject(new AppError("UNSUPPORTED", "Keyframe animation is not available in this build yet: the image engine cannot animate."));
}
