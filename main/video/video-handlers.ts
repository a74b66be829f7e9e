import type { HandlersFor } from "../router";
import type { ClipLibrary } from "./clip-library";
import type { ClipTransfer } from "./clip-transfer";
import type { ClipReveal } from "./clip-reveal";
import type { KeyframeService } from "./keyframe-service";
import { listVideoModels, type VideoModelSource } from "./video-models";
import type { VideoService } from "./video-service";

export interface VideoHandlerParts {
  videos: VideoService;
  keyframes: KeyframeService;
  transfer: ClipTransfer;
  library: ClipLibrary;
  reveal: ClipReveal;
  models: VideoModelSource;
}

export function videoHandlers({ videos, keyframes, transfer, library, reveal, models }: VideoHandlerParts): HandlersFor<"video"> {
  return {
    "video.generate": (request) => videos.generate(request),
    "video.animate": (request) => keyframes.animate(request),
    "video.interpolate": (request) => videos.interpolate(request),
    "video.import": (request) => transfer.import(request),
    "video.export": (request) => transfer.export(request),
    "video.download": ({ clipId, format }) => transfer.download(clipId, format),
    "video.list": ({ offset, limit }) => library.list(offset, limit),
    "video.get": ({ id }) => library.get(id),
    "video.delete": ({ id }) => library.delete(id),
    "video.reveal": ({ id, format }) => reveal.reveal(id, format),
    "video.frame": ({ id, index, variant }) => library.readFrame(id, index, variant),
    "video.recall": (request) => transfer.recall(request),
    "video.models": async () => ({ models: await listVideoModels(models) }),
  };
}
