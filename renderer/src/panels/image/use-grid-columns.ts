import { useEffect, useState, type RefObject } from "react";

export interface GridMetrics {
  columns: number;
  /** Edge of one square tile in CSS pixels. */
  tile: number;
}

/** How many square tiles of at least `minTile` px fit across `width`, and how big each then is. */
export function gridMetrics(width: number, minTile: number, gap: number): GridMetrics {
  const columns = Math.max(1, Math.floor((width + gap) / (minTile + gap)));
  const tile = width > 0 ? Math.floor((width - gap * (columns - 1)) / columns) : minTile;
  return { columns, tile: Math.max(1, tile) };
}

/** Columns and tile size for a grid filling the element, following its width. */
export function useGridColumns(ref: RefObject<HTMLElement | null>, minTile: number, gap: number): GridMetrics {
  const [metrics, setMetrics] = useState<GridMetrics>({ columns: 1, tile: minTile });
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const update = () => {
      const next = gridMetrics(element.clientWidth, minTile, gap);
      setMetrics((current) => (current.columns === next.columns && current.tile === next.tile ? current : next));
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, minTile, gap]);
  return metrics;
}
