import { deflateSync } from "node:zlib";
import { concatBytes } from "../../../shared/concat";
import { encodePngChunk, PNG_SIGNATURE } from "../../../shared/png-text";

/**
 * A small RGB PNG encoded synchronously in this thread: previews sit between two UNet steps,
 * where a round trip to an image library's thread pool would delay the next step.
 */
export function encodeSmallPng(rgb: Uint8Array, width: number, height: number): Uint8Array {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, no filter method variants, no interlace
  const rows = new Uint8Array(height * (width * 3 + 1));
  for (let y = 0; y < height; y++) rows.set(rgb.subarray(y * width * 3, (y + 1) * width * 3), y * (width * 3 + 1) + 1);
  return concatBytes([Uint8Array.from(PNG_SIGNATURE), encodePngChunk("IHDR", header), encodePngChunk("IDAT", deflateSync(rows, { level: 1 })), encodePngChunk("IEND", new Uint8Array())]);
}
