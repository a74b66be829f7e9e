/** CLIP's byte-level BPE (openai/CLIP simple_tokenizer.py), without vocabulary lookups. */

const END_OF_WORD = "</w>";

/**
 * GPT-2's reversible byte → printable-character table: printable Latin-1 bytes map to
 * themselves, the rest to code points from U+0100 up, in byte order.
 */
function buildByteEncoder(): string[] {
  const printable = (byte: number) => (byte >= 0x21 && byte <= 0x7e) || (byte >= 0xa1 && byte <= 0xac) || (byte >= 0xae && byte <= 0xff);
  const table: string[] = [];
  let extra = 0;
  for (let byte = 0; byte < 256; byte++) table.push(String.fromCodePoint(printable(byte) ? byte : 256 + extra++));
  return table;
}

const BYTE_ENCODER = buildByteEncoder();
const UTF8 = new TextEncoder();

/** A pre-token's UTF-8 bytes as BPE symbols. */
export function toByteSymbols(pretoken: string): string {
  let out = "";
  for (const byte of UTF8.encode(pretoken)) out += BYTE_ENCODER[byte] ?? "";
  return out;
}

/** CLIP's pre-tokenizer pattern (applied to lower-cased, whitespace-cleaned text). */
export const CLIP_PATTERN = /<\|startoftext\|>|<\|endoftext\|>|'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+/giu;

/** Merge ranks keyed by "first second"; lower merges first. */
export function parseMerges(text: string): Map<string, number> {
  const ranks = new Map<string, number>();
  const lines = text.split(/\r?\n/);
  for (const line of lines) {
    if (line.startsWith("#version") || line.trim() === "") continue;
    const parts = line.split(" ");
    if (parts.length !== 2) throw new Error(`malformed merge line "${line}"`);
    if (!ranks.has(line)) ranks.set(line, ranks.size);
  }
  return ranks;
}

/** Applies the merges to one pre-token (already byte-mapped); the last symbol carries "</w>". */
export function bpe(word: string, ranks: ReadonlyMap<string, number>): string[] {
  const characters = Array.from(word);
  const last = characters.pop();
  if (last === undefined) return [];
  let symbols = [...characters, last + END_OF_WORD];
  while (symbols.length > 1) {
    let bestRank = Number.POSITIVE_INFINITY;
    let best = -1;
    for (let i = 0; i < symbols.length - 1; i++) {
      const rank = ranks.get(`${symbols[i]} ${symbols[i + 1]}`);
      if (rank !== undefined && rank < bestRank) {
        bestRank = rank;
        best = i;
      }
    }
    if (best < 0) break;
    const first = symbols[best] ?? "";
    const second = symbols[best + 1] ?? "";
    // Merge every occurrence of the pair, left to right, as the reference does.
    const merged: string[] = [];
    for (let i = 0; i < symbols.length; i++) {
      if (symbols[i] === first && symbols[i + 1] === second && i < symbols.length - 1) {
        merged.push(first + second);
        i++;
      } else {
        merged.push(symbols[i] ?? "");
      }
    }
    symbols = merged;
  }
  return symbols;
}

/** html.unescape for the entities prompts actually contain (&amp; &lt; &gt; &quot; &#39; &#NN; &#xNN;). */
export function unescapeHtml(text: string): string {
  const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, body: string) => {
    if (body.startsWith("#")) {
      const code = body[1] === "x" || body[1] === "X" ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return named[body.toLowerCase()] ?? entity;
  });
}

/** basic_clean + whitespace_clean + lower-case, as CLIP normalizes a prompt before splitting it. */
export function normalizePrompt(text: string): string {
  return unescapeHtml(unescapeHtml(text.normalize("NFC"))).replace(/\s+/gu, " ").trim().toLowerCase();
}
