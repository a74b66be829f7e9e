/**
 * Splitting an image into overlapping tiles. Each tile is run on a window that reaches
 * `overlap` pixels past its core on every side (less at the image edge), and only the core
 * is kept, so every output pixel comes from a window that holds its whole neighbourhood and
 * the tiles meet without seams. A model without receptive-field spread gives exactly the
 * untiled result.
 */

export interface Span {
  /** The window the model sees. */
  start: number;
  size: number;
  /** The part of the window whose output is kept. */
  coreStart: number;
  coreSize: number;
}

export interface Tile {
  x: Span;
  y: Span;
}

/** The smallest core worth a model call. */
const MIN_CORE = 8;

/** Spans along one axis. `fixed`: the model only takes windows of that size (padded past the image's end). */
export function planAxis(length: number, tileSize: number, requestedOverlap: number, fixed?: number): Span[] {
  const window = fixed ?? tileSize;
  if (length <= window) return [{ start: 0, size: fixed ?? length, coreStart: 0, coreSize: length }];
  const overlap = Math.max(0, Math.min(requestedOverlap, Math.floor((window - MIN_CORE) / 2)));
  const step = window - 2 * overlap;
  const spans: Span[] = [];
  for (let core = 0; core < length; core += step) {
    const coreSize = Math.min(step, length - core);
    if (fixed !== undefined) {
      const start = Math.min(Math.max(core - overlap, 0), length - fixed);
      spans.push({ start, size: fixed, coreStart: core, coreSize });
    } else {
      const start = Math.max(core - overlap, 0);
      spans.push({ start, size: Math.min(length, core + coreSize + overlap) - start, coreStart: core, coreSize });
    }
  }
  return spans;
}

export function planTiles(width: number, height: number, tileSize: number, overlap: number, fixed?: { width?: number; height?: number }): Tile[] {
  const columns = planAxis(width, tileSize, overlap, fixed?.width);
  const rows = planAxis(height, tileSize, overlap, fixed?.height);
  return rows.flatMap((y) => columns.map((x) => ({ x, y })));
}
