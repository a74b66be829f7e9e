import { useEffect, useState } from "react";
import { describeError } from "../../errors/describe-error";
import { useApi } from "../../store/context";

/** Thumbnails already fetched, by item id: scrolling back never asks the host again. */
const thumbnails = new Map<string, string>();
const MAX_THUMBNAILS = 1000;

export function forgetThumbnail(id: string): void {
  thumbnails.delete(id);
}

function remember(id: string, dataUrl: string): void {
  if (thumbnails.size >= MAX_THUMBNAILS) {
    const oldest = thumbnails.keys().next().value;
    if (oldest !== undefined) thumbnails.delete(oldest);
  }
  thumbnails.set(id, dataUrl);
}

interface LibraryImage {
  dataUrl: string | null;
  error: string | null;
}

/** A library image as a data: URL, fetched when the component showing it mounts (so a virtualized grid loads lazily). */
export function useLibraryImage(id: string, variant: "thumbnail" | "full"): LibraryImage {
  const api = useApi();
  const cached = variant === "thumbnail" ? (thumbnails.get(id) ?? null) : null;
  const [image, setImage] = useState<LibraryImage & { id: string }>({ id, dataUrl: cached, error: null });

  useEffect(() => {
    if (cached) return;
    let live = true;
    api.library.read({ id, variant }).then(
      ({ dataUrl }) => {
        if (variant === "thumbnail") remember(id, dataUrl);
        if (live) setImage({ id, dataUrl, error: null });
      },
      (error: unknown) => {
        if (live) setImage({ id, dataUrl: null, error: describeError(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [api, id, variant, cached]);

  if (cached) return { dataUrl: cached, error: null };
  return image.id === id ? image : { dataUrl: null, error: null };
}
