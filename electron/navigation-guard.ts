import { shell, type WebContents } from "electron";
import type { Logger } from "../main/log/types";
import { externalUrlToOpen } from "./external-links";

/**
 * Pages never navigate away, open windows or embed webviews. A link the creator clicks
 * (e.g. in a chat reply) opens in the OS browser when it is https, and nowhere otherwise.
 */
export function guardNavigation(contents: WebContents, logger: Logger): void {
  contents.on("will-navigate", (event) => {
    event.preventDefault();
    openExternally(event.url, logger);
  });
  contents.on("will-redirect", (event) => {
    event.preventDefault();
    logger.log("warn", "window", "Refused a redirect", { url: event.url });
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url, logger);
    return { action: "deny" };
  });
  contents.on("will-attach-webview", (event) => {
    event.preventDefault();
    logger.log("warn", "window", "Refused to attach a webview");
  });
}

function openExternally(url: string, logger: Logger): void {
  const external = externalUrlToOpen(url);
  if (external === null) {
    logger.log("warn", "window", "Refused to open a link", { url });
    return;
  }
  shell.openExternal(external).catch((error: unknown) => {
    logger.log("warn", "window", "The OS browser did not open the link", { url: external, error: String(error) });
  });
}
