import type { LibraryItem } from "../../../../shared/image";
import { useApp } from "../../store/context";
import { useLibraryImage } from "./use-library-image";

/** A finished job's image: its thumbnail, opening the same detail view as the gallery. */
export function JobResult({ itemId, title, onOpen }: { itemId: string; title: string; onOpen(item: LibraryItem): void }) {
  const item = useApp((s) => s.galleryItems.find((candidate) => candidate.id === itemId));
  const { dataUrl } = useLibraryImage(itemId, "thumbnail");
  if (!dataUrl) return <span className="image-job-placeholder" aria-hidden="true" />;
  const image = <img src={dataUrl} alt={`Result of ${title}`} />;
  if (!item) return image;
  return (
    <button type="button" className="image-job-open" aria-label={`Open the result of ${title}`} onClick={() => onOpen(item)}>
      {image}
    </button>
  );
}
