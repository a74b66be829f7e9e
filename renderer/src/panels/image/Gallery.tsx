import { useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useEffect, useRef } from "react";
import type { LibraryItem } from "../../../../shared/image";
import { ErrorMessage } from "../../components/ErrorMessage";
import { useAction } from "../../components/use-action";
import { formatCount } from "../../format";
import { useApi, useApp } from "../../store/context";
import { GALLERY_PAGE } from "../../store/gallery-slice";
import { GalleryTile } from "./GalleryTile";
import { useGridColumns } from "./use-grid-columns";

const MIN_TILE = 150;
const GAP = 8;

/** Every image in the library, newest first, as a grid that renders only the rows in view. */
export function Gallery({ onOpen }: { onOpen(item: LibraryItem): void }) {
  const api = useApi();
  const items = useApp((s) => s.galleryItems);
  const total = useApp((s) => s.galleryTotal);
  const known = useApp((s) => s.galleryKnown);
  const putGalleryPage = useApp((s) => s.putGalleryPage);
  const scrollRef = useRef<HTMLDivElement>(null);
  const { columns, tile } = useGridColumns(scrollRef, MIN_TILE, GAP);
  const rowCount = Math.ceil(items.length / columns);
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => tile + GAP,
    overscan: 3,
  });
  useEffect(() => virtualizer.measure(), [virtualizer, tile]);

  const loadMore = useAction();
  const loading = useRef(false);
  const rows = virtualizer.getVirtualItems();
  const lastRow = rows.at(-1)?.index ?? -1;
  const needMore = items.length < total && lastRow >= rowCount - 2;
  const fetchMore = useCallback(() => {
    if (loading.current) return;
    loading.current = true;
    const offset = items.length;
    void loadMore
      .run(async () => {
        const page = await api.library.list({ offset, limit: GALLERY_PAGE });
        // An empty page ends the list even if the total said more (items deleted meanwhile).
        putGalleryPage(page.items, page.items.length === 0 ? offset : page.total, offset);
      })
      .finally(() => (loading.current = false));
  }, [api, items.length, loadMore, putGalleryPage]);
  useEffect(() => {
    if (needMore && !loadMore.error) fetchMore();
  }, [needMore, fetchMore, loadMore.error]);

  return (
    <section className="gallery" aria-labelledby="gallery-title">
      <div className="gallery-header">
        <h2 id="gallery-title">Gallery</h2>
        {known && <span className="muted">{total === 1 ? "1 image" : `${formatCount(total)} images`}</span>}
      </div>
      {loadMore.error && <ErrorMessage>{loadMore.error}</ErrorMessage>}
      {known && items.length === 0 && <p className="muted">No images yet. What you generate is saved here, with its settings.</p>}
      <div ref={scrollRef} className="gallery-scroll" hidden={items.length === 0}>
        <div role="list" aria-label="Gallery" className="gallery-grid" style={{ height: virtualizer.getTotalSize() }}>
          {rows.map((row) => {
            const first = row.index * columns;
            return (
              <div
                key={row.key}
                role="none"
                className="gallery-row"
                style={{ transform: `translateY(${row.start}px)`, height: tile, gridTemplateColumns: `repeat(${columns}, ${tile}px)`, gap: GAP }}
              >
                {items.slice(first, first + columns).map((item, offset) => (
                  <GalleryTile key={item.id} item={item} position={first + offset + 1} total={total} onOpen={onOpen} />
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
