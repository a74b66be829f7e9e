import type { Session } from "electron";
// One policy for every http page Atelier shows: serve mode sends the same header, index.html carries it as a meta tag.
import { CONTENT_SECURITY_POLICY } from "../main/serve/security-headers";
import { shouldGrantPermission } from "./permissions";

/**
 * Strict CSP on every http response (electron-vite's dev server; the built file has the
 * meta tag) and every permission request and check routed through shouldGrantPermission.
 */
export function secureSession(session: Session, isAppUrl: (url: string) => boolean): void {
  session.webRequest.onHeadersReceived({ urls: ["http://*/*", "https://*/*"] }, (details, callback) => {
    callback({ responseHeaders: withPolicy(details.responseHeaders ?? {}) });
  });

  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = "mediaTypes" in details ? details.mediaTypes : undefined;
    callback(shouldGrantPermission({ permission, requestingUrl: details.requestingUrl, mediaTypes }, isAppUrl));
  });

  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) => {
    const requestingUrl = details.requestingUrl ?? requestingOrigin;
    const mediaTypes = details.mediaType === undefined ? undefined : [details.mediaType];
    return shouldGrantPermission({ permission, requestingUrl, mediaTypes }, isAppUrl);
  });

  // HID, serial and USB devices: never.
  session.setDevicePermissionHandler(() => false);
}

function withPolicy(headers: Record<string, string[]>): Record<string, string[]> {
  const kept = Object.entries(headers).filter(([name]) => name.toLowerCase() !== "content-security-policy");
  return { ...Object.fromEntries(kept), "Content-Security-Policy": [CONTENT_SECURITY_POLICY] };
}
