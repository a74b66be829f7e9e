import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent, type WebFrameMain } from "electron";
import type { Logger } from "../main/log/types";
import type { RequestContext } from "../shared/api";
import { CHANNELS } from "../shared/contract";
import { toAppErrorShape, type WireResult } from "../shared/errors";
import { EVENT_IPC_NAME, invokeIpcName } from "./ipc-names";
import { checkSender } from "./sender-check";

/** The parts of the host the IPC adapter uses (createHost's result satisfies it). */
export interface IpcHost {
  router: { handle(channel: unknown, request: unknown, ctx: RequestContext): Promise<WireResult<unknown>> };
  events: { subscribe(listener: (event: string, payload: unknown) => void): () => void };
}

export interface IpcOptions {
  host: IpcHost;
  /** Our studio windows: the only senders trusted, the only receivers of events. */
  windows: () => readonly BrowserWindow[];
  isAppUrl: (url: string) => boolean;
  logger: Logger;
}

const IPC_CONTEXT: RequestContext = { origin: "ipc" };

const REFUSED: WireResult<never> = {
  ok: false,
  error: { code: "INVALID_INPUT", message: "Request refused: it did not come from the Atelier window." },
};

/** One handler per contract channel, plus event forwarding. Returns a function that undoes both. */
export function registerIpc({ host, windows, isAppUrl, logger }: IpcOptions): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(invokeIpcName(channel), async (event, request: unknown): Promise<WireResult<unknown>> => {
      const verdict = checkSender(event.senderFrame, ownMainFrame(event, windows()), isAppUrl);
      if (!verdict.trusted) {
        logger.log("warn", "ipc", `Refused ${channel}: ${verdict.reason}`, { senderId: event.sender.id });
        return REFUSED;
      }
      try {
        return await host.router.handle(channel, request, IPC_CONTEXT);
      } catch (error) {
        return { ok: false, error: toAppErrorShape(error) };
      }
    });
  }

  const unsubscribe = host.events.subscribe((event, payload) => {
    for (const window of windows()) {
      if (window.isDestroyed() || window.webContents.isDestroyed()) continue;
      if (!isAppUrl(window.webContents.mainFrame.url)) continue;
      try {
        window.webContents.send(EVENT_IPC_NAME, event, payload);
      } catch (error) {
        logger.log("error", "ipc", `Could not deliver ${event}`, { error: String(error) });
      }
    }
  });

  return () => {
    unsubscribe();
    for (const channel of CHANNELS) ipcMain.removeHandler(invokeIpcName(channel));
  };
}

function ownMainFrame(event: IpcMainInvokeEvent, windows: readonly BrowserWindow[]): WebFrameMain | null {
  const owner = windows.find((window) => !window.isDestroyed() && window.webContents.id === event.sender.id);
  return owner === undefined ? null : owner.webContents.mainFrame;
}
