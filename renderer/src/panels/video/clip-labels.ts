import type { ClipItem, ClipMode, VideoParameters } from "../../../../shared/video";

const MODE_LABELS: Record<ClipMode, string> = {
  "text-to-video": "Text to video",
  "image-to-video": "Image to video",
  "keyframe-travel": "Keyframes: prompt travel",
  "keyframe-feedback": "Keyframes: feedback with camera moves",
  import: "Imported",
};

export function modeLabel(mode: ClipMode): string {
  return MODE_LABELS[mode];
}

/** "2.0 s". */
export function durationLabel(seconds: number): string {
  return `${seconds.toFixed(1)} s`;
}

/** A gallery tile's accessible name: what it shows, how long, and how it was made. */
export function clipLabel(item: ClipItem): string {
  return `${item.name}, ${item.frameCount} frames, ${durationLabel(item.durationSeconds)} at ${item.fps} fps, ${modeLabel(item.mode).toLowerCase()}`;
}

/** The rows of a clip's settings list, in the order a creator reads them; rows the settings do not have are left out. */
export function parameterRows(item: ClipItem): [string, string][] {
  const p: VideoParameters | null = item.parameters;
  const rows: [string, string][] = [
    ["Made as", modeLabel(item.mode)],
    ["Frames", `${item.frameCount} at ${item.fps} fps (${durationLabel(item.durationSeconds)})`],
    ["Size", `${item.width} × ${item.height}`],
  ];
  if (!p) return rows;
  if (p.keyframes && p.keyframes.length > 0) {
    rows.push(["Keyframes", p.keyframes.map((keyframe) => `${keyframe.frame}: ${keyframe.prompt}`).join("\n")]);
  } else {
    rows.push(["Prompt", p.prompt]);
  }
  if (p.negativePrompt) rows.push(["Negative prompt", p.negativePrompt]);
  rows.push(["Model", p.modelName || p.modelId]);
  rows.push(["Steps", String(p.steps)], ["CFG scale", String(p.cfgScale)], ["Sampler", p.sampler], ["Seed", String(p.seed)]);
  if (p.strength !== undefined) rows.push(["Strength", String(p.strength)]);
  if (p.interpolation) rows.push(["Interpolation", `×${p.interpolation.factor} with ${p.interpolation.modelName}`]);
  return rows;
}
