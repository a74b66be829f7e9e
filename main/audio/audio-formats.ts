/** File extensions for the MIME types an upload or recording may carry. */
const EXTENSIONS: Record<string, string> = {
  "audio/wav": "wav",
  "audio/wave": "wav",
  "audio/x-wav": "wav",
  "audio/vnd.wave": "wav",
  "audio/mpeg": "mp3",
  "audio/mp3": "mp3",
  "audio/mp4": "m4a",
  "audio/x-m4a": "m4a",
  "audio/m4a": "m4a",
  "audio/aac": "aac",
  "audio/ogg": "ogg",
  "audio/opus": "opus",
  "audio/flac": "flac",
  "audio/x-flac": "flac",
  "audio/webm": "webm",
  "video/webm": "webm",
  "video/mp4": "mp4",
};

/** Formats every Chromium build plays and decodes (AAC/MP4 is missing from some builds). */
const BROWSER_PLAYABLE = new Set(["wav", "mp3", "ogg", "opus", "flac", "webm"]);

/** `audio/ogg;codecs=opus` → `audio/ogg`. */
export function baseMimeType(mimeType: string): string {
  return mimeType.split(";")[0]?.trim().toLowerCase() ?? "";
}

export function extensionFor(mimeType: string): string {
  return EXTENSIONS[baseMimeType(mimeType)] ?? "bin";
}

export function isBrowserPlayable(file: string): boolean {
  return BROWSER_PLAYABLE.has(file.slice(file.lastIndexOf(".") + 1).toLowerCase());
}

/** Splits a base64 `data:` URL into its MIME type (parameters kept) and bytes. */
export function parseDataUrl(dataUrl: string): { mimeType: string; bytes: Buffer } {
  const comma = dataUrl.indexOf(",");
  const header = dataUrl.slice(5, comma).replace(/;base64$/, "");
  return { mimeType: header, bytes: Buffer.from(dataUrl.slice(comma + 1), "base64") };
}

export function toDataUrl(mimeType: string, bytes: Buffer): string {
  return `data:${mimeType};base64,${bytes.toString("base64")}`;
}
