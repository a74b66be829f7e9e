import { SAMPLER_LABELS, SAMPLERS, type ImageParameters, type Sampler } from "./image";

/**
 * Generation parameters as text in the AUTOMATIC1111 form, the one A1111, ComfyUI,
 * InvokeAI and image sites read from a PNG's `parameters` chunk:
 *
 *     a castle on a hill
 *     Negative prompt: blurry
 *     Steps: 20, Sampler: Euler a, CFG scale: 7, Seed: 1, Size: 512x512, Model: SD 1.5
 *
 * Atelier adds `Model id` and `Mode` (and `Denoising strength`, `Upscale factor` when they apply)
 * so its own files read back exactly.
 */

export const PARAMETERS_KEYWORD = "parameters";
const NEGATIVE = "Negative prompt:";
/** A1111's pattern for one `Key: value` pair of the last line; values with `,` `:` or newlines are JSON-quoted. */
const PAIR = /\s*(\w[\w \-/]+):\s*("(?:\\.|[^\\"])+"|[^,]*)(?:,|$)/g;
const MODES: readonly ImageParameters["mode"][] = ["txt2img", "img2img", "inpaint", "upscale"];

function quote(value: string): string {
  return /[,:\n"]/.test(value) ? JSON.stringify(value) : value;
}

function unquote(value: string): string {
  if (!(value.length >= 2 && value.startsWith('"') && value.endsWith('"'))) return value;
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === "string" ? parsed : value;
  } catch {
    return value;
  }
}

export function formatImageParameters(p: ImageParameters): string {
  const pairs: [string, string | number][] = [
    ["Steps", p.steps],
    ["Sampler", SAMPLER_LABELS[p.sampler]],
    ["CFG scale", p.cfgScale],
    ["Seed", p.seed],
    ["Size", `${p.width}x${p.height}`],
    ["Model", p.modelName],
    ["Model id", p.modelId],
  ];
  if (p.strength !== undefined) pairs.push(["Denoising strength", p.strength]);
  if (p.upscaleFactor !== undefined) pairs.push(["Upscale factor", p.upscaleFactor]);
  pairs.push(["Mode", p.mode]);
  const lines = [p.prompt];
  if (p.negativePrompt !== "") lines.push(`${NEGATIVE} ${p.negativePrompt}`);
  lines.push(pairs.map(([key, value]) => `${key}: ${quote(String(value))}`).join(", "));
  return lines.join("\n");
}

function parsePairs(line: string): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const match of line.matchAll(PAIR)) {
    const [, key, value] = match;
    if (key !== undefined && value !== undefined) pairs.set(key.trim(), unquote(value.trim()));
  }
  return pairs;
}

/** A1111 writes "DPM++ 2M" plus "Schedule type: Karras" (older: "DPM++ 2M Karras"); unknown samplers are null. */
function samplerFrom(label: string | undefined, scheduleType: string | undefined): Sampler | null {
  if (label === undefined) return null;
  const full = scheduleType && !label.toLowerCase().includes(scheduleType.toLowerCase()) ? `${label} ${scheduleType}` : label;
  return SAMPLERS.find((sampler) => SAMPLER_LABELS[sampler].toLowerCase() === full.toLowerCase()) ?? null;
}

function numberFrom(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === "") return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

export interface ParsedImageParameters {
  parameters: ImageParameters;
  /** Keys Atelier does not use (e.g. "Model hash"), kept for display. */
  extra: Record<string, string>;
  /** The sampler label when Atelier has no such sampler (then `parameters.sampler` is a stand-in). */
  unknownSampler?: string;
}

/**
 * Reads A1111 parameters text; null when the text has no parameter line (fewer than three
 * `Key: value` pairs on its last line). Missing fields get the studio's defaults.
 */
export function parseImageParameters(text: string): ParsedImageParameters | null {
  const lines = text.replace(/\r\n/g, "\n").replace(/\n+$/, "").split("\n");
  const last = lines.pop() ?? "";
  const pairs = parsePairs(last);
  if (pairs.size < 3) return null;

  const negativeAt = lines.findIndex((line) => line.startsWith(NEGATIVE));
  const promptLines = negativeAt < 0 ? lines : lines.slice(0, negativeAt);
  const negativeLines = negativeAt < 0 ? [] : lines.slice(negativeAt);
  const negativePrompt = negativeLines.join("\n").slice(NEGATIVE.length).replace(/^ /, "");

  const take = (key: string): string | undefined => {
    const value = pairs.get(key);
    pairs.delete(key);
    return value;
  };
  const size = /^(\d+)x(\d+)$/.exec(take("Size") ?? "");
  const samplerLabel = take("Sampler");
  const sampler = samplerFrom(samplerLabel, take("Schedule type"));
  const mode = take("Mode");
  const strength = numberFrom(take("Denoising strength"));
  const upscaleFactor = numberFrom(take("Upscale factor"));
  const parameters: ImageParameters = {
    prompt: promptLines.join("\n"),
    negativePrompt,
    steps: Math.round(numberFrom(take("Steps")) ?? 20),
    sampler: sampler ?? "euler_a",
    cfgScale: numberFrom(take("CFG scale")) ?? 7,
    seed: Math.round(numberFrom(take("Seed")) ?? 0),
    width: Number(size?.[1] ?? 512),
    height: Number(size?.[2] ?? 512),
    modelName: take("Model") ?? "",
    modelId: take("Model id") ?? "",
    mode: MODES.find((known) => known === mode) ?? "txt2img",
    ...(strength === undefined ? {} : { strength }),
    ...(upscaleFactor === undefined ? {} : { upscaleFactor }),
  };
  const parsed: ParsedImageParameters = { parameters, extra: Object.fromEntries(pairs) };
  if (samplerLabel !== undefined && sampler === null) parsed.unknownSampler = samplerLabel;
  return parsed;
}
