import { useState } from "react";
import type { LibraryItem } from "../../../../shared/image";
import { Gallery } from "./Gallery";
import { GalleryDetail } from "./GalleryDetail";
import { ImageForm } from "./ImageForm";
import { ImageJobs } from "./ImageJobs";
import { useImageDrop } from "./use-image-drop";

/** Image studio: the settings on the left; jobs with live previews and the gallery on the right. */
export function ImagePanel() {
  const drop = useImageDrop();
  const [open, setOpen] = useState<LibraryItem | null>(null);
  return (
    <section className={drop.dragging ? "image-panel dragging" : "image-panel"} aria-labelledby="image-title" {...drop.handlers}>
      <div className="image-settings">
        <h1 id="image-title">Image</h1>
        <ImageForm dropError={drop.error} />
      </div>
      <div className="image-results">
        <ImageJobs onOpen={setOpen} />
        <Gallery onOpen={setOpen} />
      </div>
      {drop.dragging && (
        <div className="drop-overlay" aria-hidden="true">
          Drop a PNG to recall its settings, or any image to start from it
        </div>
      )}
      {open && <GalleryDetail key={open.id} item={open} onClose={() => setOpen(null)} />}
    </section>
  );
}
