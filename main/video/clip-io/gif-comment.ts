import { AppError } from "../../../shared/errors";

/**
 * GIF89a Comment Extensions (0x21 0xFE, text in sub-blocks of up to 255 bytes): libvips writes
 * none, so Atelier adds its own before the trailer and finds them again by walking the blocks.
 */

const EXTENSION = 0x21;
const COMMENT_LABEL = 0xfe;
const IMAGE = 0x2c;
const TRAILER = 0x3b;

function notGif(why: string): AppError {
  return new AppError("INVALID_INPUT", `The GIF could not be read: ${why}.`);
}

/** Offset just past a run of data sub-blocks starting at `at` (ends with a zero-length block). */
function skipSubBlocks(gif: Uint8Array, at: number): number {
  let offset = at;
  for (;;) {
    const size = gif[offset];
    if (size === undefined) throw notGif("it ends inside a block");
    offset += 1 + size;
    if (size === 0) return offset;
  }
}

function colorTableBytes(packed: number): number {
  return packed & 0x80 ? 3 * 2 ** ((packed & 0x07) + 1) : 0;
}

interface Block {
  type: "comment" | "other";
  start: number;
  end: number;
}

/** The blocks after the header, logical screen descriptor and global colour table, and where the trailer is. */
function walk(gif: Uint8Array): { blocks: Block[]; trailer: number } {
  const ascii = String.fromCharCode(...gif.subarray(0, 6));
  if (ascii !== "GIF87a" && ascii !== "GIF89a") throw notGif("it has no GIF header");
  let offset = 13 + colorTableBytes(gif[10] ?? 0);
  const blocks: Block[] = [];
  for (;;) {
    const introducer = gif[offset];
    if (introducer === TRAILER) return { blocks, trailer: offset };
    const start = offset;
    if (introducer === EXTENSION) {
      offset = skipSubBlocks(gif, offset + 2);
      blocks.push({ type: gif[start + 1] === COMMENT_LABEL ? "comment" : "other", start, end: offset });
    } else if (introducer === IMAGE) {
      offset += 10 + colorTableBytes(gif[offset + 9] ?? 0);
      offset = skipSubBlocks(gif, offset + 1); // the LZW minimum code size, then the image data
      blocks.push({ type: "other", start, end: offset });
    } else {
      throw notGif(introducer === undefined ? "it has no trailer" : `unknown block 0x${introducer.toString(16)} at byte ${offset}`);
    }
  }
}

/** A copy of `gif` with a Comment Extension holding `text` (7-bit text, as GIF89a asks) before its trailer. */
export function withGifComment(gif: Uint8Array, text: string): Buffer {
  const { trailer } = walk(gif);
  const data = Buffer.from(text, "latin1");
  const parts: Buffer[] = [Buffer.from([EXTENSION, COMMENT_LABEL])];
  for (let at = 0; at < data.length; at += 255) {
    const chunk = data.subarray(at, at + 255);
    parts.push(Buffer.from([chunk.length]), chunk);
  }
  parts.push(Buffer.from([0]));
  return Buffer.concat([gif.subarray(0, trailer), ...parts, gif.subarray(trailer)]);
}

/** The text of every Comment Extension in `gif`, in file order. */
export function readGifComments(gif: Uint8Array): string[] {
  return walk(gif)
    .blocks.filter((block) => block.type === "comment")
    .map((block) => {
      const parts: Uint8Array[] = [];
      let offset = block.start + 2;
      for (let size = gif[offset] ?? 0; size > 0; size = gif[offset] ?? 0) {
        parts.push(gif.subarray(offset + 1, offset + 1 + size));
        offset += 1 + size;
      }
      return Buffer.concat(parts).toString("latin1");
    });
}
