/**
 * Links the app may hand to the OS browser: https only, so a page can never make the
 * OS open file:, custom-protocol or plain-http URLs.
 */
export function externalUrlToOpen(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" && parsed.username === "" && parsed.password === "" ? parsed.href : null;
  } catch {
    return null;
  }
}
