import { settingsSchema, type Settings, type SettingsPatch } from "../../../../shared/settings";
import { formatCount } from "../../format";
import { parseNumberField } from "../../number-field";

const GPU_MODES = ["auto", "max", "layers"] as const;
export type GpuMode = (typeof GPU_MODES)[number];
export function isGpuMode(value: string): value is GpuMode {
  return (GPU_MODES as readonly string[]).includes(value);
}

const NUMBER_RULES = {
  threads: { label: "Threads", integer: true, min: 0, max: 256 },
  gpuLayers: { label: "GPU layers", integer: true, min: 0, max: 1000 },
  idleUnloadMinutes: { label: "Idle unload", integer: false, min: 0, max: 24 * 60 },
  ramBudgetMiB: { label: "RAM budget", integer: true, min: 0, max: 16 * 1024 * 1024 },
  vramBudgetMiB: { label: "VRAM budget", integer: true, min: 0, max: 16 * 1024 * 1024 },
  concurrency: { label: "Engine concurrency", integer: true, min: 1, max: 8 },
  downloadsConcurrency: { label: "Downloads at once", integer: true, min: 1, max: 8 },
} as const;
export type NumberField = keyof typeof NUMBER_RULES;
export const MAX_FOLDERS = 16;

export type ImageProvider = Settings["image"]["provider"];
export const IMAGE_PROVIDERS: readonly { value: ImageProvider; label: string }[] = [
  { value: "auto", label: "Automatic" },
  { value: "cpu", label: "CPU" },
  { value: "cuda", label: "CUDA (NVIDIA)" },
  { value: "directml", label: "DirectML (Windows)" },
  { value: "coreml", label: "Core ML (macOS)" },
];
export function isImageProvider(value: string): value is ImageProvider {
  return IMAGE_PROVIDERS.some((provider) => provider.value === value);
}

export type SettingsFormValues = Record<NumberField, string> & {
  gpuMode: GpuMode;
  imageProvider: ImageProvider;
  hubEndpoint: string;
  folders: string[];
};
export type SettingsField = NumberField | "hubEndpoint" | "folders";
export type SettingsErrors = Partial<Record<SettingsField, string>>;
export type SettingsFormResult = { ok: true; patch: SettingsPatch } | { ok: false; errors: SettingsErrors };

export function toSettingsForm(settings: Settings): SettingsFormValues {
  const { gpuLayers } = settings.llm;
  return {
    threads: String(settings.llm.threads),
    gpuMode: typeof gpuLayers === "number" ? "layers" : gpuLayers,
    gpuLayers: typeof gpuLayers === "number" ? String(gpuLayers) : "",
    idleUnloadMinutes: String(settings.engines.idleUnloadMinutes),
    ramBudgetMiB: String(settings.engines.ramBudgetMiB),
    vramBudgetMiB: String(settings.engines.vramBudgetMiB),
    concurrency: String(settings.engines.concurrency),
    imageProvider: settings.image.provider,
    downloadsConcurrency: String(settings.downloads.concurrency),
    hubEndpoint: settings.hub.endpoint,
    folders: settings.models.folders,
  };
}

const endpointSchema = settingsSchema.shape.hub.unwrap().shape.endpoint;

/** The endpoint without a trailing slash, or what is wrong with it. */
export function parseEndpoint(raw: string): { ok: true; value: string } | { ok: false; error: string } {
  const value = raw.trim().replace(/\/+$/, "");
  if (!endpointSchema.safeParse(value).success) return { ok: false, error: "The Hugging Face endpoint must be an http:// or https:// address." };
  return { ok: true, value };
}

/** A folder to add, or why it cannot be: full paths only (POSIX, drive letter or UNC), no duplicates. */
export function checkFolder(raw: string, folders: string[]): { ok: true; value: string } | { ok: false; error: string } {
  const value = raw.trim();
  if (!/^(\/|[A-Za-z]:[\\/]|\\\\)/.test(value)) return { ok: false, error: "Use a full path, such as /home/you/models." };
  if (value.length > 4096) return { ok: false, error: "That path is too long." };
  if (folders.includes(value)) return { ok: false, error: "That folder is already in the list." };
  if (folders.length >= MAX_FOLDERS) return { ok: false, error: `At most ${MAX_FOLDERS} folders can be added.` };
  return { ok: true, value };
}

/** Checks the form; every problem is reported against its field, in words. */
export function parseSettingsForm(values: SettingsFormValues): SettingsFormResult {
  const errors: SettingsErrors = {};
  const numbers: Partial<Record<NumberField, number>> = {};
  const fields: NumberField[] = ["threads", "idleUnloadMinutes", "ramBudgetMiB", "vramBudgetMiB", "concurrency", "downloadsConcurrency"];
  if (values.gpuMode === "layers") fields.push("gpuLayers");
  for (const field of fields) {
    const parsed = parseNumberField(values[field], NUMBER_RULES[field], formatCount);
    if (typeof parsed === "string") errors[field] = parsed;
    else numbers[field] = parsed;
  }
  const endpoint = parseEndpoint(values.hubEndpoint);
  if (!endpoint.ok) errors.hubEndpoint = endpoint.error;
  if (values.folders.length > MAX_FOLDERS) errors.folders = `At most ${MAX_FOLDERS} folders can be added.`;
  if (Object.keys(errors).length > 0 || !endpoint.ok) return { ok: false, errors };
  return {
    ok: true,
    patch: {
      llm: { threads: numbers.threads, gpuLayers: values.gpuMode === "layers" ? numbers.gpuLayers : values.gpuMode },
      engines: {
        idleUnloadMinutes: numbers.idleUnloadMinutes,
        ramBudgetMiB: numbers.ramBudgetMiB,
        vramBudgetMiB: numbers.vramBudgetMiB,
        concurrency: numbers.concurrency,
      },
      image: { provider: values.imageProvider },
      hub: { endpoint: endpoint.value },
      downloads: { concurrency: numbers.downloadsConcurrency },
      models: { folders: values.folders },
    },
  };
}
