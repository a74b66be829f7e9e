import type { LibraryItem } from "../../../../shared/image";
import { galleryLabel } from "./gallery-labels";
import { useLibraryImage } from "./use-library-image";

interface GalleryTileProps {
  item: LibraryItem;
  position: number;
  total: number;
  onOpen(item: LibraryItem): void;
}

/** One thumbnail; it is fetched only while the tile is rendered. */
export function GalleryTile({ item, position, total, onOpen }: GalleryTileProps) {
  const { dataUrl, error } = useLibraryImage(item.id, "thumbnail");
  return (
    <div role="listitem" aria-posinset={position} aria-setsize={total} className="gallery-cell">
      <button type="button" className="gallery-tile" aria-label={galleryLabel(item)} onClick={() => onOpen(item)}>
        {dataUrl ? (
          <img src={dataUrl} alt="" decoding="async" draggable={false} />
        ) : (
          <span className="gallery-placeholder">{error ? "Not available" : ""}</span>
        )}
      </button>
    </div>
  );
}
