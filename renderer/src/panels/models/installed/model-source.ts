import type { ModelInfo } from "../../../../../shared/models";

/** Where an installed model came from, in words. */
export function describeSource(model: Pick<ModelInfo, "source" | "imported">): string {
  if (model.source) return `Downloaded from ${model.source.repo}`;
  if (model.imported === "copy") return "Imported (copied into Atelier)";
  if (model.imported === "link") return "Imported (linked to your file)";
  return "Found in a models folder";
}

/** "GGUF · llama", "ONNX". */
export function describeFormat(model: Pick<ModelInfo, "format" | "architecture">): string {
  return model.architecture ? `${model.format.toUpperCase()} · ${model.architecture}` : model.format.toUpperCase();
}
