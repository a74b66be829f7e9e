import { describe, expect, it } from "vitest";
import { checkSender, type FrameIdentity } from "./sender-check";

const appUrl = "file:///app/out/renderer/index.html";
const isAppUrl = (url: string) => url.startsWith(appUrl);
const mainFrame: FrameIdentity = { url: appUrl, processId: 4, routingId: 1, parent: null };

describe("checkSender", () => {
  it("trusts our window's main frame showing our page", () => {
    expect(checkSender({ ...mainFrame, url: `${appUrl}#/chat` }, mainFrame, isAppUrl)).toEqual({ trusted: true });
  });

  it("refuses a sub-frame, even one showing our page", () => {
    const child: FrameIdentity = { url: appUrl, processId: 4, routingId: 7, parent: mainFrame };
    expect(checkSender(child, mainFrame, isAppUrl)).toEqual({ trusted: false, reason: "the sender is a sub-frame" });
  });

  it("refuses a different top-level frame", () => {
    const other: FrameIdentity = { url: appUrl, processId: 9, routingId: 1, parent: null };
    expect(checkSender(other, mainFrame, isAppUrl).trusted).toBe(false);
  });

  it("refuses our main frame once it shows another page", () => {
    const navigated: FrameIdentity = { ...mainFrame, url: "https://evil.example/" };
    expect(checkSender(navigated, mainFrame, isAppUrl)).toEqual({
      trusted: false,
      reason: "the sender shows https://evil.example/",
    });
  });

  it("refuses a vanished frame and a sender outside our windows", () => {
    expect(checkSender(null, mainFrame, isAppUrl).trusted).toBe(false);
    expect(checkSender(mainFrame, null, isAppUrl).trusted).toBe(false);
  });
});
