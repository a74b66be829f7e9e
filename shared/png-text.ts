import { concatBytes } from "./concat";
import { AppError } from "./errors";

/**
 * Text chunks in PNG files (tEXt and uncompressed iTXt), read and written on plain bytes so
 * the host and the renderer (reading a dropped PNG) share one implementation. sharp cannot
 * write text chunks; this inserts them into the PNG it encoded.
 */

export const PNG_SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10] as const;

export interface PngChunk {
  type: string;
  /** Offset of the chunk's length field in the file. */
  offset: number;
  data: Uint8Array;
}

export interface PngText {
  keyword: string;
  text: string;
}

let crcTable: Uint32Array | undefined;

/** The CRC-32 PNG chunks carry (ISO 3309, reflected, polynomial 0xEDB88320). */
export function crc32(bytes: Uint8Array): number {
  crcTable ??= Uint32Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (crcTable[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function notPng(why: string): AppError {
  return new AppError("INVALID_INPUT", `That is not a readable PNG file (${why}).`);
}

function latin1(bytes: Uint8Array): string {
  let text = "";
  for (let i = 0; i < bytes.length; i += 8192) text += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return text;
}

/** Every chunk in file order; throws INVALID_INPUT for a damaged file or a chunk whose CRC is wrong. */
export function readPngChunks(png: Uint8Array): PngChunk[] {
  if (png.length < 8 || PNG_SIGNATURE.some((byte, i) => png[i] !== byte)) throw notPng("no PNG signature");
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: PngChunk[] = [];
  let offset = 8;
  while (offset < png.length) {
    if (offset + 12 > png.length) throw notPng("a chunk is cut off");
    const length = view.getUint32(offset);
    const end = offset + 12 + length;
    if (end > png.length) throw notPng("a chunk is cut off");
    const typeAndData = png.subarray(offset + 4, offset + 8 + length);
    if (crc32(typeAndData) !== view.getUint32(offset + 8 + length)) throw notPng("a chunk's checksum is wrong");
    const type = latin1(typeAndData.subarray(0, 4));
    chunks.push({ type, offset, data: typeAndData.subarray(4) });
    offset = end;
    if (type === "IEND") break;
  }
  if (chunks[0]?.type !== "IHDR" || chunks.at(-1)?.type !== "IEND") throw notPng("IHDR or IEND is missing");
  return chunks;
}

/** Width and height from the IHDR chunk. */
export function readPngSize(png: Uint8Array): { width: number; height: number } {
  const header = readPngChunks(png)[0]?.data;
  if (!header || header.length < 8) throw notPng("the header is too short");
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
  return { width: view.getUint32(0), height: view.getUint32(4) };
}

function decodeText(bytes: Uint8Array, utf8: boolean): string {
  if (utf8) return new TextDecoder("utf-8").decode(bytes);
  // tEXt is Latin-1 by the spec, but some writers put UTF-8 there: prefer it when it decodes.
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return latin1(bytes);
  }
}

/** Parses one tEXt or iTXt chunk; compressed iTXt (and zTXt) are left out: no inflater in every process. */
function parseTextChunk(chunk: PngChunk): PngText | undefined {
  const nul = chunk.data.indexOf(0);
  if (nul < 1) return undefined;
  const keyword = latin1(chunk.data.subarray(0, nul));
  if (chunk.type === "tEXt") return { keyword, text: decodeText(chunk.data.subarray(nul + 1), false) };
  if (chunk.type !== "iTXt" || chunk.data[nul + 1] !== 0) return undefined;
  const languageEnd = chunk.data.indexOf(0, nul + 3);
  const translatedEnd = languageEnd < 0 ? -1 : chunk.data.indexOf(0, languageEnd + 1);
  if (translatedEnd < 0) return undefined;
  return { keyword, text: decodeText(chunk.data.subarray(translatedEnd + 1), true) };
}

export function readPngTexts(png: Uint8Array): PngText[] {
  return readPngChunks(png).flatMap((chunk) => parseTextChunk(chunk) ?? []);
}

/** The text stored under `keyword` (the first one), if any. */
export function readPngText(png: Uint8Array, keyword: string): string | undefined {
  return readPngTexts(png).find((entry) => entry.keyword === keyword)?.text;
}

/** One chunk: length, type, data, CRC of type + data. */
export function encodePngChunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** An uncompressed iTXt chunk: keyword, flags, empty language and translated keyword, UTF-8 text. */
export function encodeITxtChunk(keyword: string, text: string): Uint8Array {
  if (!/^[\x20-\x7e]{1,79}$/.test(keyword) || keyword.trim() !== keyword) {
    throw new AppError("INVALID_INPUT", `"${keyword}" is not a valid PNG text keyword.`);
  }
  const key = Uint8Array.from(keyword, (char) => char.charCodeAt(0));
  const body = new TextEncoder().encode(text);
  const data = new Uint8Array(key.length + 5 + body.length);
  data.set(key, 0);
  // After the keyword's NUL: compression flag 0, method 0, "" language + NUL, "" translation + NUL.
  data.set(body, key.length + 5);
  return encodePngChunk("iTXt", data);
}

/**
 * The PNG with `text` stored under `keyword` as iTXt, placed before the image data;
 * text chunks with the same keyword are replaced.
 */
export function withPngText(png: Uint8Array, keyword: string, text: string): Uint8Array {
  const chunks = readPngChunks(png);
  const added = encodeITxtChunk(keyword, text);
  const parts: Uint8Array[] = [png.subarray(0, 8)];
  let inserted = false;
  for (const chunk of chunks) {
    const raw = png.subarray(chunk.offset, chunk.offset + 12 + chunk.data.length);
    if ((chunk.type === "tEXt" || chunk.type === "iTXt") && parseTextChunk(chunk)?.keyword === keyword) continue;
    if (!inserted && (chunk.type === "IDAT" || chunk.type === "IEND")) {
      parts.push(added);
      inserted = true;
    }
    parts.push(raw);
  }
  return concatBytes(parts);
}
