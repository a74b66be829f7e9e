import { sizeLabel } from "../image/size-presets";

/** Clip sizes: square (AnimateDiff's native 512), widescreen, portrait and 4:3, all multiples of 8; anything else is custom. */
export const VIDEO_SIZE_PRESETS: readonly { width: number; height: number; name: string }[] = [
  { width: 512, height: 512, name: "square" },
  { width: 768, height: 432, name: "16:9" },
  { width: 432, height: 768, name: "9:16" },
  { width: 512, height: 384, name: "4:3" },
  { width: 384, height: 512, name: "3:4" },
  { width: 256, height: 256, name: "quick draft" },
];

/** "768 × 432 (16:9)". */
export function presetLabel(preset: { width: number; height: number; name: string }): string {
  return `${sizeLabel(preset.width, preset.height)} (${preset.name})`;
}

/** "768x432" for a preset's option value; null when the size is no preset. */
export function presetKey(width: string, height: string): string | null {
  const match = VIDEO_SIZE_PRESETS.find((preset) => String(preset.width) === width.trim() && String(preset.height) === height.trim());
  return match ? `${match.width}x${match.height}` : null;
}

export function parsePresetKey(key: string): { width: number; height: number } | null {
  const match = /^(\d+)x(\d+)$/.exec(key);
  if (!match) return null;
  const preset = VIDEO_SIZE_PRESETS.find((p) => p.width === Number(match[1]) && p.height === Number(match[2]));
  return preset ? { width: preset.width, height: preset.height } : null;
}
