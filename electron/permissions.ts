/** What a page asks for, as Electron's permission request and check handlers describe it. */
export interface PermissionAsk {
  permission: string;
  requestingUrl: string;
  /** For "media" asks: the devices wanted. */
  mediaTypes?: readonly string[];
}

export interface GrantablePermission {
  permission: string;
  /** For "media": the only devices that may be granted. */
  mediaTypes?: readonly string[];
}

/**
 * The single place a permission is allowed; everything else is denied. The microphone is
 * for the Speech panel's Record button (never the camera).
 */
export const GRANTABLE_PERMISSIONS: readonly GrantablePermission[] = [{ permission: "media", mediaTypes: ["audio"] }];

/** Every permission request and check goes through this; only our own page can be granted anything. */
export function shouldGrantPermission(
  ask: PermissionAsk,
  isAppUrl: (url: string) => boolean,
  grantable: readonly GrantablePermission[] = GRANTABLE_PERMISSIONS,
): boolean {
  if (!isAppUrl(ask.requestingUrl)) return false;
  return grantable.some((rule) => rule.permission === ask.permission && devicesAllowed(rule, ask));
}

function devicesAllowed(rule: GrantablePermission, ask: PermissionAsk): boolean {
  if (rule.mediaTypes === undefined) return true;
  const wanted = ask.mediaTypes ?? [];
  return wanted.length > 0 && wanted.every((type) => rule.mediaTypes?.includes(type) === true);
}
