import type { Settings, SettingsPatch } from "../../../../shared/settings";

const GPU_MODES = ["auto", "max", "layers"] as const;
export type GpuMode = (typeof GPU_MODES)[number];
export function isGpuMode(value: string): value is GpuMode {
  return (GPU_MODES as readonly string[]).includes(value);
}
export interface SettingsFormValues {
  threads: string;
  gpuMode: GpuMode;
  gpuLayers: string;
  idleUnloadMinutes: string;
  ramBudgetMiB: string;
  concurrency: string;
}
export type SettingsField = Exclude<keyof SettingsFormValues, "gpuMode">;
export type SettingsFormResult = { ok: true; patch: SettingsPatch } | { ok: false; errors: Partial<Record<SettingsField, string>> };

const RULES: Record<SettingsField, { label: string; integer: boolean; min: number; max: number }> = {
  threads: { label: "Threads", integer: true, min: 0, max: 256 },
  gpuLayers: { label: "GPU layers", integer: true, min: 0, max: 1000 },
  idleUnloadMinutes: { label: "Idle unload", integer: false, min: 0, max: 24 * 60 },
  ramBudgetMiB: { label: "RAM budget", integer: true, min: 0, max: 16 * 1024 * 1024 },
  concurrency: { label: "Engine concurrency", integer: true, min: 1, max: 8 },
};

export function toSettingsForm(settings: Settings): SettingsFormValues {
  const { gpuLayers } = settings.llm;
  return {
    threads: String(settings.llm.threads),
    gpuMode: typeof gpuLayers === "number" ? "layers" : gpuLayers,
    gpuLayers: typeof gpuLayers === "number" ? String(gpuLayers) : "",
    idleUnloadMinutes: String(settings.engines.idleUnloadMinutes),
    ramBudgetMiB: String(settings.engines.ramBudgetMiB),
    concurrency: String(settings.engines.concurrency),
  };
}

function parseField(field: SettingsField, raw: string): number | string {
  const { label, integer, min, max } = RULES[field];
  const text = raw.trim();
  const value = Number(text);
  if (text === "" || !Number.isFinite(value)) return `${label} must be a number.`;
  if (integer && !Number.isInteger(value)) return `${label} must be a whole number.`;
  if (value < min || value > max) return `${label} must be between ${min.toLocaleString("en-US")} and ${max.toLocaleString("en-US")}.`;
  return value;
}

/** Checks the form; every problem is reported against its field, in words. */
export function parseSettingsForm(values: SettingsFormValues): SettingsFormResult {
  const errors: Partial<Record<SettingsField, string>> = {};
  const numbers: Partial<Record<SettingsField, number>> = {};
  const fields: SettingsField[] = ["threads", "idleUnloadMinutes", "ramBudgetMiB", "concurrency"];
  if (values.gpuMode === "layers") fields.push("gpuLayers");
  for (const field of fields) {
    const parsed = parseField(field, values[field]);
    if (typeof parsed === "string") errors[field] = parsed;
    else numbers[field] = parsed;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    patch: {
      llm: { threads: numbers.threads, gpuLayers: values.gpuMode === "layers" ? numbers.gpuLayers : values.gpuMode },
      engines: { idleUnloadMinutes: numbers.idleUnloadMinutes, ramBudgetMiB: numbers.ramBudgetMiB, concurrency: numbers.concurrency },
    },
  };
}
