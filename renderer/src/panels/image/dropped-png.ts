import { parseImageParameters, PARAMETERS_KEYWORD, type ParsedImageParameters } from "../../../../shared/image-parameters";
import { readPngText } from "../../../../shared/png-text";

/** The A1111 parameters a PNG carries, or null when it has none (or is no readable PNG): then it is just a picture. */
export function readDroppedParameters(png: Uint8Array): ParsedImageParameters | null {
  let text: string | undefined;
  try {
    text = readPngText(png, PARAMETERS_KEYWORD);
  } catch {
    return null;
  }
  return text === undefined ? null : parseImageParameters(text);
}
