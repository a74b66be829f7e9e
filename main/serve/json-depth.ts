const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;

/**
 * Where JSON text first nests deeper than `limit` arrays and objects, or -1 when it never does.
 * One pass over the bytes, skipping strings, so a frame nested millions deep is refused in
 * microseconds instead of being built by JSON.parse. UTF-8 continuation bytes are all ≥ 0x80,
 * so none of them can be mistaken for a bracket or a quote.
 */
export function nestingBeyond(bytes: Uint8Array, limit: number): number {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index];
    if (inString) {
      if (byte === BACKSLASH) index++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_ARRAY || byte === OPEN_OBJECT) {
      if (++depth > limit) return index;
    } else if (byte === CLOSE_ARRAY || byte === CLOSE_OBJECT) {
      depth--;
    }
  }
  return -1;
}

/**
 * The `id` of an invoke frame from its beginning, when a frame is refused unparsed. The renderer
 * writes `{"type":"invoke","id":…,` first, so the id comes before anything deeply nested.
 */
export function leadingFrameId(start: string): number | undefined {
  const match = /^\s*\{\s*(?:"(?:type|channel)"\s*:\s*"[^"\\]*"\s*,\s*)*"id"\s*:\s*(\d{1,15})\s*[,}]/.exec(start);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}
