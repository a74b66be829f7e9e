import { useEffect, useState } from "react";
import { describeError } from "../../errors/describe-error";
import { useApi } from "../../store/context";

/** Thumbnails already fetched, by clip id: a clip's frames never change, so neither does its thumbnail. */
const thumbnails = new Map<string, string>();
const MAX_THUMBNAILS = 500;

export function forgetClipThumbnail(id: string): void {
  thumbnails.delete(id);
}

function remember(id: string, dataUrl: string): void {
  if (thumbnails.size >= MAX_THUMBNAILS) {
    const oldest = thumbnails.keys().next().value;
    if (oldest !== undefined) thumbnails.delete(oldest);
  }
  thumbnails.set(id, dataUrl);
}

/** A clip's thumbnail (its first frame, small) as a data: URL, fetched when the component showing it mounts. */
export function useClipThumbnail(id: string): { dataUrl: string | null; error: string | null } {
  const api = useApi();
  const cached = thumbnails.get(id) ?? null;
  const [state, setState] = useState<{ id: string; dataUrl: string | null; error: string | null }>({ id, dataUrl: cached, error: null });
  useEffect(() => {
    if (cached) return;
    let live = true;
    api.video.frame({ id, index: 0, variant: "thumbnail" }).then(
      ({ dataUrl }) => {
        remember(id, dataUrl);
        if (live) setState({ id, dataUrl, error: null });
      },
      (error: unknown) => {
        if (live) setState({ id, dataUrl: null, error: describeError(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [api, id, cached]);
  if (cached) return { dataUrl: cached, error: null };
  return state.id === id ? state : { dataUrl: null, error: null };
}
