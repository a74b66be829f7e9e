import type { LibraryItem } from "../../../../shared/image";
import { formatTime } from "../../format";

const PROMPT_SHOWN = 80;

function shorten(text: string, max: number): string {
  const clean = text.replace(/\s+/g, " ").trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).trimEnd()}…`;
}

/** The accessible name of a gallery tile: what the image shows (its prompt), how big, and how it was made. */
export function galleryLabel(item: LibraryItem): string {
  const size = `${item.width}×${item.height}`;
  const parameters = item.parameters;
  if (!parameters) return `Image from ${formatTime(item.createdAt)}, ${size}`;
  const what = parameters.prompt.trim() ? shorten(parameters.prompt, PROMPT_SHOWN) : "Image without a prompt";
  const factor = parameters.upscaleFactor ? ` ${parameters.upscaleFactor}×` : "";
  const how = parameters.mode === "upscale" ? `, upscaled${factor}` : "";
  return `${what}, ${size}${how}`;
}
