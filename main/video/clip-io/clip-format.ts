import { open, stat } from "node:fs/promises";
import { AppError } from "../../../shared/errors";

/** What a clip can be read from. */
export type ClipSourceFormat = "mp4" | "webm" | "gif" | "webp" | "png-folder";

const WHAT_WE_READ = "MP4, WebM, GIF, animated WebP or a folder of PNG frames";

async function head(file: string, bytes: number): Promise<Buffer> {
  const handle = await open(file, "r");
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The format of a file, by its first bytes (never its name), or undefined when it is none of ours. */
export function formatOfBytes(bytes: Buffer): Exclude<ClipSourceFormat, "png-folder"> | undefined {
  const ascii = (start: number, end: number): string => bytes.toString("latin1", start, end);
  if (ascii(0, 6) === "GIF87a" || ascii(0, 6) === "GIF89a") return "gif";
  if (ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "webp";
  if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0x1a45dfa3) return "webm"; // EBML: WebM and Matroska
  if (ascii(4, 8) === "ftyp") return "mp4"; // ISO BMFF: MP4, MOV, M4V
  return undefined;
}

/** The format of a clip on disk: a folder is a folder of PNG frames; a file is recognised by its content. */
export async function detectClipFormat(file: string): Promise<ClipSourceFormat> {
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
    throw new AppError("NOT_FOUND", `The clip ${file} could not be opened (${error.code ?? error.message}).`);
  });
  if (info.isDirectory()) return "png-folder";
  const format = formatOfBytes(await head(file, 16));
  if (!format) throw new AppError("INVALID_INPUT", `The file ${file} is not a clip Atelier can read (${WHAT_WE_READ}).`);
  return format;
}
