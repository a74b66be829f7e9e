import type { Download, HubFile } from "../../../../../shared/library";
import type { ModelInfo } from "../../../../../shared/models";

/** The GGUF files of a repository, smallest first: each is one quantization a person can pick. */
export function ggufFiles(files: HubFile[]): HubFile[] {
  return files.filter((file) => file.path.toLowerCase().endsWith(".gguf")).sort((a, b) => a.size - b.size);
}

/** "models/Qwen2.5-0.5B-Instruct-Q4_K_M.gguf" → "Qwen2.5-0.5B-Instruct-Q4_K_M": the installed model's name. */
export function modelNameOf(path: string): string {
  const base = path.slice(path.lastIndexOf("/") + 1);
  return base.replace(/\.gguf$/i, "") || base;
}

export function isDownloadOf(download: Download, repo: string, path: string): boolean {
  return download.repo === repo && download.files.some((file) => file.path === path);
}

/** Whether a model downloaded from this repository holds this file. */
export function isInstalledFrom(models: ModelInfo[], repo: string, path: string): boolean {
  const base = path.slice(path.lastIndexOf("/") + 1);
  return models.some((model) => model.source?.repo === repo && model.path.replaceAll("\\", "/").endsWith(`/${base}`));
}

/** "1.2M downloads": compact counts for search results. */
export function formatCompactCount(count: number): string {
  return new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 }).format(count);
}
