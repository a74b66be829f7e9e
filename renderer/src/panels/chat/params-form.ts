import { generationParamsSchema, SYSTEM_PROMPT_MAX, type GenerationParams } from "../../../../shared/chat";
import { parseNumberField, type NumberRule } from "../../number-field";

export const PARAM_FIELDS = ["temperature", "topP", "topK", "maxTokens", "seed", "contextSize"] as const;
export type ParamField = (typeof PARAM_FIELDS)[number];
export type FormField = ParamField | "systemPrompt";
export type ParamsFormValues = Record<FormField, string>;

export type ParamsFormResult =
  | { ok: true; systemPrompt: string; params: GenerationParams }
  | { ok: false; errors: Partial<Record<FormField, string>> };

const RULES: Record<ParamField, NumberRule> = {
  temperature: { label: "Temperature", integer: false, min: 0, max: 2 },
  topP: { label: "Top-p", integer: false, min: 0, max: 1 },
  topK: { label: "Top-k", integer: true, min: 0, max: 1000 },
  maxTokens: { label: "Max tokens", integer: true, min: 1, max: 32768 },
  seed: { label: "Seed", integer: true, min: 0, max: 2 ** 32 - 1 },
  contextSize: { label: "Context size", integer: true, min: 128, max: 1 << 20 },
};

export function paramLabel(field: ParamField): string {
  return RULES[field].label;
}

export function toFormValues(systemPrompt: string, params: GenerationParams): ParamsFormValues {
  return {
    systemPrompt,
    temperature: String(params.temperature),
    topP: String(params.topP),
    topK: String(params.topK),
    maxTokens: String(params.maxTokens),
    seed: params.seed === null ? "" : String(params.seed),
    contextSize: String(params.contextSize),
  };
}

/** Checks what was typed; every problem is reported against its field, in words. */
export function parseParamsForm(values: ParamsFormValues): ParamsFormResult {
  const errors: Partial<Record<FormField, string>> = {};
  const numbers: Partial<Record<ParamField, number | null>> = {};
  for (const field of PARAM_FIELDS) {
    if (field === "seed" && values.seed.trim() === "") {
      numbers.seed = null;
      continue;
    }
    const parsed = parseNumberField(values[field], RULES[field]);
    if (typeof parsed === "string") errors[field] = parsed;
    else numbers[field] = parsed;
  }
  if (values.systemPrompt.length > SYSTEM_PROMPT_MAX) {
    errors.systemPrompt = `The system prompt must be at most ${SYSTEM_PROMPT_MAX.toLocaleString("en-US")} characters.`;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const checked = generationParamsSchema.safeParse(numbers);
  if (!checked.success) return { ok: false, errors: { temperature: checked.error.issues[0]?.message ?? "Invalid value." } };
  return { ok: true, systemPrompt: values.systemPrompt, params: checked.data };
}
