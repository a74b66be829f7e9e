import { useEffect, useId, useRef, useState } from "react";
import type { LibraryItem } from "../../../../shared/image";
import { formatImageParameters } from "../../../../shared/image-parameters";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorMessage } from "../../components/ErrorMessage";
import { useAction } from "../../components/use-action";
import { useApi, useApp } from "../../store/context";
import { galleryLabel } from "./gallery-labels";
import { ParameterList } from "./ParameterList";
import { UpscaleControl } from "./UpscaleControl";
import { forgetThumbnail, useLibraryImage } from "./use-library-image";
import { useRecall } from "./use-recall";

/** One library image, full size, with its settings and what can be done with it. */
export function GalleryDetail({ item, onClose }: { item: LibraryItem; onClose(): void }) {
  const api = useApi();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const removeGalleryItem = useApp((s) => s.removeGalleryItem);
  const recall = useRecall();
  const image = useLibraryImage(item.id, "full");
  const { run, pending, error } = useAction();
  const [note, setNote] = useState("");
  const [confirming, setConfirming] = useState(false);
  const text = item.parameters ? formatImageParameters(item.parameters) : null;

  useEffect(() => {
    const dialog = ref.current;
    dialog?.showModal();
    return () => dialog?.close();
  }, []);

  const copy = () =>
    void run(async () => {
      if (!text) return;
      if (!navigator.clipboard) throw new Error("The clipboard is not available here: copy the text under “Parameters as text”.");
      await navigator.clipboard.writeText(text);
      setNote("Parameters copied.");
    });
  const reveal = () =>
    void run(async () => {
      const { path, revealed } = await api.library.reveal({ id: item.id });
      setNote(revealed ? `Shown in your file manager: ${path}` : `Saved at ${path}`);
    });
  const remove = () =>
    void run(async () => {
      setConfirming(false);
      await api.library.delete({ id: item.id });
      forgetThumbnail(item.id);
      removeGalleryItem(item.id);
      onClose();
    });

  return (
    <dialog
      ref={ref}
      className="image-detail"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!confirming) onClose();
      }}
    >
      <div className="image-detail-header">
        <h2 id={titleId}>Image details</h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      <div className="image-detail-body">
        <div className="image-detail-picture">
          {image.dataUrl ? <img src={image.dataUrl} alt={galleryLabel(item)} /> : <p className="muted">{image.error ?? "Loading…"}</p>}
        </div>
        <div className="image-detail-side">
          <ParameterList item={item} />
          <div className="image-detail-actions">
            <button type="button" disabled={!text || pending} onClick={copy}>
              Copy parameters
            </button>
            <button
              type="button"
              className="primary"
              disabled={!item.parameters}
              onClick={() => {
                if (item.parameters) recall(item.parameters, "the gallery image");
                onClose();
              }}
            >
              Use these settings
            </button>
            <button type="button" disabled={pending} onClick={reveal}>
              Reveal in folder
            </button>
            <button type="button" className="danger" disabled={pending} onClick={() => setConfirming(true)}>
              Delete
            </button>
          </div>
          <p role="status" className="hint selectable">
            {note}
          </p>
          {error && <ErrorMessage>{error}</ErrorMessage>}
          <UpscaleControl item={item} />
          {text && (
            <details className="parameters-text">
              <summary>Parameters as text</summary>
              <pre>{text}</pre>
            </details>
          )}
        </div>
      </div>
      {confirming && (
        <ConfirmDialog
          title="Delete this image?"
          message="The image file and its settings are removed from the library. This cannot be undone."
          confirmLabel="Delete image"
          onConfirm={remove}
          onCancel={() => setConfirming(false)}
        />
      )}
    </dialog>
  );
}
