import type { ImageParameters, Sampler } from "../../../../shared/image";
import type { ModelInfo } from "../../../../shared/models";
import type { ImageFormValues } from "./image-form";
import { presetKey } from "./size-presets";

/** Settings read back from a gallery item or a dropped PNG; a PNG from another app may lack some. */
export interface RecalledSettings {
  prompt: string;
  negativePrompt?: string;
  steps?: number;
  sampler?: Sampler;
  cfgScale?: number;
  seed?: number;
  width?: number;
  height?: number;
  modelId?: string;
  modelName?: string;
  strength?: number;
}

export interface RecallResult {
  values: ImageFormValues;
  /** The model the settings name when it is not installed; the form keeps its current model. */
  missingModel: string | null;
}

export function settingsFromParameters(parameters: ImageParameters): RecalledSettings {
  const { prompt, negativePrompt, steps, sampler, cfgScale, seed, width, height, modelId, modelName, strength } = parameters;
  return { prompt, negativePrompt, steps, sampler, cfgScale, seed, width, height, modelId, modelName, strength };
}

function findModel(settings: RecalledSettings, models: readonly ModelInfo[]): ModelInfo | undefined {
  const imageModels = models.filter((model) => model.family === "image");
  const byId = imageModels.find((model) => model.id === settings.modelId);
  if (byId) return byId;
  const name = settings.modelName?.trim().toLowerCase();
  return name ? imageModels.find((model) => model.name.toLowerCase() === name || model.id === name) : undefined;
}

/** Puts recalled settings into the form; what the settings do not say keeps its current value. */
export function recallIntoForm(current: ImageFormValues, settings: RecalledSettings, models: readonly ModelInfo[]): RecallResult {
  const text = (value: number | undefined, fallback: string) => (value === undefined ? fallback : String(value));
  const width = text(settings.width, current.width);
  const height = text(settings.height, current.height);
  const model = findModel(settings, models);
  const named = settings.modelName ?? settings.modelId;
  return {
    values: {
      ...current,
      prompt: settings.prompt,
      negativePrompt: settings.negativePrompt ?? "",
      modelId: model?.id ?? current.modelId,
      width,
      height,
      customSize: presetKey(width, height) === null,
      steps: text(settings.steps, current.steps),
      cfgScale: text(settings.cfgScale, current.cfgScale),
      sampler: settings.sampler ?? current.sampler,
      seed: text(settings.seed, current.seed),
      strength: text(settings.strength, current.strength),
    },
    missingModel: !model && named ? named : null,
  };
}

/** What to tell the creator after a recall: where the settings came from and what could not be taken over. */
export function recallNotice(source: string, missingModel: string | null, unknownSampler?: string): string {
  const parts = [`Settings recalled from ${source}.`];
  if (missingModel) parts.push(`Its model “${missingModel}” is not installed, so the model was not changed.`);
  if (unknownSampler) parts.push(`Its sampler “${unknownSampler}” is not available here; the sampler was not changed.`);
  return parts.join(" ");
}
