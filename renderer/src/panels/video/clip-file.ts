/** Clip files the panel takes (MP4, WebM, GIF, animated WebP), by extension, with their MIME types. */
const CLIP_TYPES: Record<string, string> = {
  mp4: "video/mp4",
  m4v: "video/mp4",
  mov: "video/quicktime",
  webm: "video/webm",
  mkv: "video/x-matroska",
  gif: "image/gif",
  webp: "image/webp",
};
const STILL_TYPES = new Set(["image/png", "image/jpeg"]);

/** The largest clip file the panel sends to the host. */
export const MAX_CLIP_BYTES = 140 * 1024 * 1024;
export const CLIP_ACCEPT = [...new Set(Object.values(CLIP_TYPES)), ...Object.keys(CLIP_TYPES).map((ext) => `.${ext}`)].join(",");

export type DroppedKind = { kind: "clip"; mimeType: string } | { kind: "still" } | { kind: "other" };

/** What a dropped or picked file is: a clip (recall its settings, or import it), a still image (the init image), or neither. */
export function classifyFile(name: string, type: string): DroppedKind {
  if (STILL_TYPES.has(type)) return { kind: "still" };
  if (Object.values(CLIP_TYPES).includes(type)) return { kind: "clip", mimeType: type };
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? "";
  const byExtension = CLIP_TYPES[extension];
  if (byExtension) return { kind: "clip", mimeType: byExtension };
  if (extension === "png" || extension === "jpg" || extension === "jpeg") return { kind: "still" };
  return { kind: "other" };
}

/** The same data: URL with the clip's own MIME type (a browser may label an unknown file application/octet-stream). */
export function withMimeType(dataUrl: string, mimeType: string): string {
  const comma = dataUrl.indexOf(",");
  return `data:${mimeType};base64,${dataUrl.slice(comma + 1)}`;
}

/** A clip's name from its file name: the extension dropped. */
export function clipNameFromFile(name: string): string {
  const base = name.replace(/\.[a-z0-9]+$/i, "").trim();
  return base || "Imported clip";
}
