import type { ClipItem } from "../../../../shared/video";
import { clipLabel, durationLabel } from "./clip-labels";
import { useClipThumbnail } from "./use-clip-thumbnail";

/** One clip: its first frame, name and length; pressing it plays it. */
export function ClipTile({ item, selected, onSelect }: { item: ClipItem; selected: boolean; onSelect(): void }) {
  const { dataUrl, error } = useClipThumbnail(item.id);
  return (
    <li className="clip-cell">
      <button type="button" className="clip-tile" aria-label={clipLabel(item)} aria-pressed={selected} onClick={onSelect}>
        <span className="clip-thumb">
          {dataUrl ? <img src={dataUrl} alt="" decoding="async" draggable={false} /> : <span className="gallery-placeholder">{error ? "Not available" : ""}</span>}
          <span className="clip-duration" aria-hidden="true">
            {durationLabel(item.durationSeconds)}
          </span>
        </span>
        <span className="clip-name" aria-hidden="true">
          {item.name}
        </span>
      </button>
    </li>
  );
}
