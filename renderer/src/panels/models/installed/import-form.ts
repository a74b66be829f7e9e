import { modelFamilySchema, type ModelFamily } from "../../../../../shared/families";
import type { RequestOf } from "../../../../../shared/contract";

export interface ImportFormValues {
  path: string;
  mode: "copy" | "link";
  /** "" lets Atelier tell the family from the file. */
  family: ModelFamily | "";
  name: string;
}

export const EMPTY_IMPORT: ImportFormValues = { path: "", mode: "copy", family: "", name: "" };

export type ImportFormField = "path" | "name";
export type ImportFormResult =
  | { ok: true; request: RequestOf<"models.import"> }
  | { ok: false; errors: Partial<Record<ImportFormField, string>> };

export function parseFamily(value: string): ModelFamily | "" {
  const parsed = modelFamilySchema.safeParse(value);
  return parsed.success ? parsed.data : "";
}

/** Checks what can be checked here; whether the file is a model is the host's to find out by reading it. */
export function parseImportForm(values: ImportFormValues): ImportFormResult {
  const errors: Partial<Record<ImportFormField, string>> = {};
  const path = values.path.trim();
  const name = values.name.trim();
  if (path === "") errors.path = "Enter the full path of a .gguf file or an ONNX model folder.";
  else if (path.length > 4096) errors.path = "That path is too long.";
  if (name.length > 200) errors.name = "A name can be at most 200 characters.";
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    request: {
      path,
      mode: values.mode,
      ...(values.family ? { family: values.family } : {}),
      ...(name ? { name } : {}),
    },
  };
}
