import { readFile } from "node:fs/promises";
import { ALL_FORMATS, FilePathSource, Input } from "mediabunny";
import sharp from "sharp";
import { AppError } from "../../../shared/errors";
import { detectClipFormat } from "./clip-format";
import { parseParameters, type ClipParameters } from "./clip-parameters";
import { readGifComments } from "./gif-comment";
import { parametersFromXmp } from "./xmp-parameters";

async function videoComment(file: string): Promise<string | undefined> {
  const input = new Input({ formats: ALL_FORMATS, source: new FilePathSource(file) });
  try {
    return (await input.getMetadataTags()).comment;
  } catch (error) {
    throw new AppError("INVALID_INPUT", `The video ${file} could not be read (${error instanceof Error ? error.message : String(error)}).`);
  } finally {
    input.dispose();
  }
}

async function webpXmp(file: string): Promise<string | undefined> {
  const meta = await sharp(file).metadata().catch((error: unknown) => {
    throw new AppError("INVALID_INPUT", `The WebP ${file} could not be read: ${error instanceof Error ? error.message : String(error)}`);
  });
  return meta.xmpAsString;
}

/**
 * The generation parameters an exported clip carries (MP4/WebM comment tag, WebP XMP, GIF comment),
 * or undefined when the file has none of ours; a file that is not a clip fails with INVALID_INPUT.
 */
export async function readClipParameters(file: string): Promise<ClipParameters | undefined> {
  const format = await detectClipFormat(file);
  if (format === "mp4" || format === "webm") return parseParameters(await videoComment(file));
  if (format === "webp") return parseParameters(parametersFromXmp(await webpXmp(file)));
  if (format === "gif") {
    for (const comment of readGifComments(await readFile(file))) {
      const parameters = parseParameters(comment);
      if (parameters) return parameters;
    }
    return undefined;
  }
  throw new AppError("INVALID_INPUT", `A folder carries no clip parameters; drop an exported MP4, WebM, WebP or GIF.`);
}
