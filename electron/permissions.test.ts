import { describe, expect, it } from "vitest";
import { GRANTABLE_PERMISSIONS, shouldGrantPermission, type GrantablePermission } from "./permissions";

const appUrl = "file:///app/out/renderer/index.html";
const isAppUrl = (url: string) => url === appUrl;

describe("shouldGrantPermission", () => {
  it.each([
    { permission: "media", requestingUrl: appUrl, mediaTypes: ["video"] },
    { permission: "notifications", requestingUrl: appUrl },
    { permission: "geolocation", requestingUrl: appUrl },
    { permission: "clipboard-read", requestingUrl: appUrl },
    { permission: "openExternal", requestingUrl: appUrl },
    { permission: "fileSystem", requestingUrl: appUrl },
  ])("denies $permission $mediaTypes", (ask) => {
    expect(shouldGrantPermission(ask, isAppUrl)).toBe(false);
  });

  describe("with the microphone rule the Speech panel's Record needs", () => {
    const microphone: readonly GrantablePermission[] = GRANTABLE_PERMISSIONS;

    it("grants audio to our own page", () => {
      const ask = { permission: "media", requestingUrl: appUrl, mediaTypes: ["audio"] };
      expect(shouldGrantPermission(ask, isAppUrl, microphone)).toBe(true);
    });

    it("still denies the camera, other permissions and other pages", () => {
      const grant = (ask: { permission: string; requestingUrl: string; mediaTypes?: string[] }) =>
        shouldGrantPermission(ask, isAppUrl, microphone);
      expect(grant({ permission: "media", requestingUrl: appUrl, mediaTypes: ["audio", "video"] })).toBe(false);
      expect(grant({ permission: "media", requestingUrl: appUrl, mediaTypes: [] })).toBe(false);
      expect(grant({ permission: "media", requestingUrl: appUrl })).toBe(false);
      expect(grant({ permission: "geolocation", requestingUrl: appUrl })).toBe(false);
      expect(grant({ permission: "media", requestingUrl: "https://evil.example/", mediaTypes: ["audio"] })).toBe(false);
    });
  });
});
