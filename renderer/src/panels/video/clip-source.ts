import { uploadFile } from "../../api/upload-file";
import { MAX_CLIP_BYTES, withMimeType } from "./clip-file";
import { readFileAsDataUrl } from "./data-url";

/** How a clip file reaches the host: a data: URL over the desktop bridge, an upload id in serve mode. */
export type ClipSource = { dataUrl: string } | { uploadId: string };

/** Serve mode's `POST /upload` limit. */
const MAX_UPLOAD_BYTES = 4 * 1024 ** 3;

/**
 * The browser (serve mode) uploads the file over HTTP, since one WebSocket frame holds at most
 * 8 MiB; the desktop app keeps the data: URL its bridge carries.
 */
export async function clipSourceFor(file: File, mimeType: string, onProgress: (fraction: number) => void): Promise<ClipSource> {
  const serveMode = !window.atelier;
  const limit = serveMode ? MAX_UPLOAD_BYTES : MAX_CLIP_BYTES;
  if (file.size > limit) throw new Error(`“${file.name}” is larger than ${serveMode ? "4 GB" : "140 MB"}.`);
  if (serveMode) return { uploadId: await uploadFile(file, mimeType, onProgress) };
  return { dataUrl: withMimeType(await readFileAsDataUrl(file), mimeType) };
}
