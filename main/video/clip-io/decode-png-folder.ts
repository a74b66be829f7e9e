import { readdir } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { AppError } from "../../../shared/errors";
import { readFrameFile } from "./frame-files";
import type { RgbFrame } from "./rgb-frame";

export interface PngFolderFacts {
  width: number;
  height: number;
  /** The PNG files in play order: names sorted with numbers compared as numbers (frame2 before frame10). */
  files: string[];
}

/** The PNG frames of a folder (other files are ignored), in order, with the first frame's size. */
export async function probePngFolder(folder: string): Promise<PngFolderFacts> {
  const names = (await readdir(folder, { withFileTypes: true })).filter((entry) => entry.isFile() && /\.png$/i.test(entry.name)).map((entry) => entry.name);
  names.sort(new Intl.Collator("en", { numeric: true, sensitivity: "base" }).compare);
  const first = names[0];
  if (!first) throw new AppError("INVALID_INPUT", `The folder ${folder} holds no PNG frames.`);
  const files = names.map((name) => path.join(folder, name));
  const meta = await sharp(path.join(folder, first)).metadata().catch((error: unknown) => {
    throw new AppError("INVALID_INPUT", `The frame ${path.join(folder, first)} could not be read: ${error instanceof Error ? error.message : String(error)}`);
  });
  return { width: meta.width, height: meta.height, files };
}

/** The folder's frames one at a time; a frame of another size than the first is refused, naming it. */
export async function* decodePngFolderFrames(facts: PngFolderFacts, signal?: AbortSignal): AsyncGenerator<RgbFrame> {
  for (const file of facts.files) {
    if (signal?.aborted) throw new AppError("CANCELLED", "Cancelled.");
    const frame = await readFrameFile(file);
    if (frame.width !== facts.width || frame.height !== facts.height) {
      throw new AppError("INVALID_INPUT", `The frame ${file} is ${frame.width}×${frame.height}; every frame must be ${facts.width}×${facts.height} like the first.`);
    }
    yield frame;
  }
}
