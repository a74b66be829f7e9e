import { slugify } from "../../../../shared/ids";
import type { AudioItem } from "../../../../shared/speech";

/** What the file picker offers; the host decodes each with ffmpeg. */
export const AUDIO_EXTENSIONS = ["wav", "mp3", "m4a", "ogg", "flac", "webm"] as const;
export const AUDIO_ACCEPT = [...AUDIO_EXTENSIONS.map((ext) => `.${ext}`), "audio/*"].join(",");

const MIME_BY_EXTENSION: Readonly<Record<(typeof AUDIO_EXTENSIONS)[number], string>> = {
  wav: "audio/wav",
  mp3: "audio/mpeg",
  m4a: "audio/mp4",
  ogg: "audio/ogg",
  flac: "audio/flac",
  webm: "audio/webm",
};

function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot < 0 ? "" : name.slice(dot + 1).toLowerCase();
}

function isKnownExtension(ext: string): ext is keyof typeof MIME_BY_EXTENSION {
  return Object.hasOwn(MIME_BY_EXTENSION, ext);
}

/**
 * The MIME type to send a file as: the browser's when it names audio (or a webm video), else
 * one from the extension; null for files Atelier does not read.
 */
export function audioMimeType(fileName: string, browserType: string): string | null {
  const base = browserType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (/^audio\/[\w.+-]+$/.test(base) || base === "video/webm" || base === "video/mp4") return base;
  const ext = extensionOf(fileName);
  return isKnownExtension(ext) ? MIME_BY_EXTENSION[ext] : null;
}

export function unsupportedFileMessage(fileName: string): string {
  return `“${fileName}” is not an audio file Atelier can read. Choose a WAV, MP3, M4A, OGG, FLAC or WEBM file.`;
}

/** A base64 data: URL of the bytes, with a plain MIME type (no codecs list, whose commas a data: URL cannot hold). */
export async function blobToDataUrl(blob: Blob, mimeType: string): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = "";
  const step = 0x8000;
  for (let offset = 0; offset < bytes.length; offset += step) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + step));
  }
  return `data:${mimeType};base64,${btoa(binary)}`;
}

/** The bytes of a base64 data: URL, decoded here because the page's policy forbids fetching data: URLs. */
export function dataUrlToBlob(dataUrl: string): Blob {
  const match = /^data:([^;,]+)[^,]*;base64,(.*)$/s.exec(dataUrl);
  if (!match?.[2]) throw new Error("The audio arrived in a form Atelier cannot play (not a base64 data: URL).");
  const binary = atob(match[2]);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: match[1] });
}

/** "Recording 2025-03-01 14:05:09", in local time. */
export function recordingName(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return `Recording ${day} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** The name a downloaded clip gets: its title as a slug, with the stored file's extension. */
export function clipDownloadName(item: Pick<AudioItem, "name" | "file">): string {
  const ext = extensionOf(item.file) || "wav";
  return `${slugify(item.name)}.${ext}`;
}
