/** The parts of Electron's WebFrameMain the check reads (structural, so it is testable without Electron). */
export interface FrameIdentity {
  readonly url: string;
  readonly processId: number;
  readonly routingId: number;
  readonly parent: FrameIdentity | null;
}

export type SenderVerdict = { trusted: true } | { trusted: false; reason: string };

/**
 * An IPC message is trusted only from the main frame of one of our windows, showing
 * our own page: never from a sub-frame, a destroyed frame, or a page navigated elsewhere.
 */
export function checkSender(
  senderFrame: FrameIdentity | null,
  ourMainFrame: FrameIdentity | null,
  isAppUrl: (url: string) => boolean,
): SenderVerdict {
  if (senderFrame === null) return { trusted: false, reason: "the sending frame is gone" };
  if (ourMainFrame === null) return { trusted: false, reason: "the sender is not an Atelier window" };
  if (senderFrame.parent !== null) return { trusted: false, reason: "the sender is a sub-frame" };
  const sameFrame =
    senderFrame.processId === ourMainFrame.processId && senderFrame.routingId === ourMainFrame.routingId;
  if (!sameFrame) return { trusted: false, reason: "the sender is not the window's main frame" };
  if (!isAppUrl(senderFrame.url)) return { trusted: false, reason: `the sender shows ${senderFrame.url || "no page"}` };
  return { trusted: true };
}
