import { useRef, useState } from "react";
import { ErrorMessage } from "../../components/ErrorMessage";
import { useAction } from "../../components/use-action";
import { formatCount } from "../../format";
import { CLIP_PAGE } from "../../store/clips-slice";
import { useApi, useApp } from "../../store/context";
import { CLIP_ACCEPT } from "./clip-file";
import { ClipTile } from "./ClipTile";
import { useClipFile } from "./use-clip-file";

/** Every clip in the library, newest first; choosing one plays it. Import adds a clip file made elsewhere. */
export function ClipGallery() {
  const api = useApi();
  const fileRef = useRef<HTMLInputElement>(null);
  const items = useApp((s) => s.clipItems);
  const total = useApp((s) => s.clipTotal);
  const known = useApp((s) => s.clipsKnown);
  const selectedId = useApp((s) => s.selectedClipId);
  const selectClip = useApp((s) => s.selectClip);
  const putClipPage = useApp((s) => s.putClipPage);
  const takeClip = useClipFile();
  const more = useAction();
  const picked = useAction();
  const [loadingMore, setLoadingMore] = useState(false);

  const showMore = () => {
    const offset = items.length;
    setLoadingMore(true);
    void more
      .run(async () => {
        const page = await api.video.list({ offset, limit: CLIP_PAGE });
        putClipPage(page.items, page.items.length === 0 ? offset : page.total, offset);
      })
      .finally(() => setLoadingMore(false));
  };

  return (
    <section className="gallery clip-gallery" aria-labelledby="clip-gallery-title">
      <div className="gallery-header">
        <h2 id="clip-gallery-title">Clips</h2>
        {known && <span className="muted">{total === 1 ? "1 clip" : `${formatCount(total)} clips`}</span>}
        <button type="button" className="clip-import" onClick={() => fileRef.current?.click()}>
          Import a clip…
        </button>
        <input
          ref={fileRef}
          hidden
          type="file"
          aria-label="Clip file to import"
          accept={CLIP_ACCEPT}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = "";
            if (file) void picked.run(() => takeClip(file, true));
          }}
        />
      </div>
      {more.error && <ErrorMessage>{more.error}</ErrorMessage>}
      {picked.error && <ErrorMessage>{picked.error}</ErrorMessage>}
      {known && items.length === 0 && <p className="muted">No clips yet. What you generate is saved here, with its settings.</p>}
      {items.length > 0 && (
        <ul className="clip-grid" aria-label="Clips">
          {items.map((item) => (
            <ClipTile key={item.id} item={item} selected={item.id === selectedId} onSelect={() => selectClip(item.id)} />
          ))}
        </ul>
      )}
      {items.length < total && (
        <button type="button" className="clip-more" disabled={loadingMore} onClick={showMore}>
          Show more clips
        </button>
      )}
    </section>
  );
}
