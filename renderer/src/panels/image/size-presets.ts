/** Sizes creators pick most often; anything else is a custom size. */
export const SIZE_PRESETS: readonly { width: number; height: number }[] = [
  { width: 512, height: 512 },
  { width: 768, height: 768 },
  { width: 512, height: 768 },
  { width: 768, height: 512 },
  { width: 1024, height: 1024 },
];

export const MIN_DIMENSION = 64;
export const MAX_DIMENSION = 2048;

export function sizeLabel(width: number | string, height: number | string): string {
  return `${width} × ${height}`;
}

/** "512x768" for a preset's option value; null when the size is no preset. */
export function presetKey(width: string, height: string): string | null {
  const match = SIZE_PRESETS.find((preset) => String(preset.width) === width.trim() && String(preset.height) === height.trim());
  return match ? `${match.width}x${match.height}` : null;
}

export function parsePresetKey(key: string): { width: number; height: number } | null {
  const match = /^(\d+)x(\d+)$/.exec(key);
  if (!match) return null;
  const preset = SIZE_PRESETS.find((p) => p.width === Number(match[1]) && p.height === Number(match[2]));
  return preset ?? null;
}

/** Checks one side of the image; the error names the nearest sizes that would work. */
export function checkDimension(label: string, raw: string): number | string {
  const text = raw.trim();
  const value = Number(text);
  if (text === "" || !Number.isFinite(value)) return `${label} must be a number of pixels.`;
  if (!Number.isInteger(value)) return `${label} must be a whole number of pixels.`;
  if (value < MIN_DIMENSION || value > MAX_DIMENSION) return `${label} must be between ${MIN_DIMENSION} and ${MAX_DIMENSION} pixels.`;
  if (value % 8 !== 0) {
    const lower = Math.max(MIN_DIMENSION, Math.floor(value / 8) * 8);
    const upper = Math.min(MAX_DIMENSION, lower + 8);
    return `${label} must be a multiple of 8: try ${lower} or ${upper}.`;
  }
  return value;
}

/** The nearest valid side for a picture `value` pixels long (for sizes taken from an init image). */
export function snapDimension(value: number): number {
  const snapped = Math.round(value / 8) * 8;
  return Math.min(MAX_DIMENSION, Math.max(MIN_DIMENSION, snapped));
}

/** A valid generation size close to a picture's own, keeping its shape when it is too large (or too small). */
export function fitSize(width: number, height: number): { width: number; height: number } {
  const longest = Math.max(width, height, 1);
  const shortest = Math.max(1, Math.min(width, height));
  const scale = longest > MAX_DIMENSION ? MAX_DIMENSION / longest : shortest < MIN_DIMENSION ? MIN_DIMENSION / shortest : 1;
  return { width: snapDimension(width * scale), height: snapDimension(height * scale) };
}
