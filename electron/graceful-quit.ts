import { app, BrowserWindow } from "electron";
import type { Logger } from "../main/log/types";

/** Longer than the engines' stop budget: after this the app quits even if a stop hangs. */
const STOP_DEADLINE_MS = 15_000;

/**
 * Holds the first quit until `stop` (dispose the host, which stops the engines) has
 * finished, then quits for real. Ctrl+C and SIGTERM take the same path.
 */
export function quitGracefully(stop: () => Promise<void>, logger: Logger): void {
  let phase: "running" | "stopping" | "stopped" = "running";

  app.on("before-quit", (event) => {
    if (phase === "stopped") return;
    event.preventDefault();
    if (phase === "stopping") return;
    phase = "stopping";
    for (const window of BrowserWindow.getAllWindows()) window.hide();
    withDeadline(stop(), STOP_DEADLINE_MS)
      .catch((error: unknown) => logger.log("error", "app", "Shutting down did not finish cleanly", { error: String(error) }))
      .finally(() => {
        phase = "stopped";
        app.quit();
      });
  });

  app.on("window-all-closed", () => {
    if (process.platform !== "darwin") app.quit();
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => app.quit());
}

function withDeadline(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`gave up after ${ms} ms`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
