import type { HandlersFor } from "../router";
import type { DownloadManager } from "./download-manager";

export function downloadHandlers(downloads: DownloadManager): HandlersFor<"downloads"> {
  return {
    "downloads.list": async () => downloads.list(),
    "downloads.start": (request) => downloads.start(request),
    "downloads.pause": ({ id }) => downloads.pause(id),
    "downloads.resume": ({ id }) => downloads.resume(id),
    "downloads.cancel": ({ id }) => downloads.cancel(id),
    "downloads.clearFinished": async () => ({ removed: await downloads.clearFinished() }),
  };
}
