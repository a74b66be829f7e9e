import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { listSupportedBackends } from "onnxruntime-node";
import { AppError } from "../../../shared/errors";
import type { Settings } from "../../../shared/settings";

export type ProviderSetting = Settings["image"]["provider"];
/** onnxruntime's names for the execution providers Atelier offers. */
export type OrtProvider = "cpu" | "cuda" | "dml" | "coreml";

const ORT_NAME: Record<Exclude<ProviderSetting, "auto">, OrtProvider> = { cpu: "cpu", cuda: "cuda", directml: "dml", coreml: "coreml" };
export const PROVIDER_LABEL: Record<OrtProvider, string> = { cpu: "CPU", cuda: "CUDA", dml: "DirectML", coreml: "CoreML" };
/** "auto" takes the first one present. */
const PREFERENCE: readonly OrtProvider[] = ["cuda", "dml", "coreml", "cpu"];

/** Provider libraries onnxruntime-node lists but ships separately (CUDA's is downloaded at install time). */
const SEPARATE_LIBRARY: Partial<Record<OrtProvider, string>> = {
  cuda: process.platform === "win32" ? "onnxruntime_providers_cuda.dll" : "libonnxruntime_providers_cuda.so",
};

function bindingDir(): string {
  const entry = createRequire(import.meta.url).resolve("onnxruntime-node");
  return path.join(path.dirname(entry), "..", "bin", "napi-v6", process.platform, process.arch);
}

/** Execution providers this build of onnxruntime-node can really use here. */
export function availableProviders(): OrtProvider[] {
  const present = new Set<OrtProvider>(["cpu"]);
  for (const backend of listSupportedBackends()) {
    const name = PREFERENCE.find((known) => known === backend.name);
    if (!name) continue;
    const library = SEPARATE_LIBRARY[name];
    if (backend.bundled || (library && existsSync(path.join(bindingDir(), library)))) present.add(name);
  }
  return PREFERENCE.filter((name) => present.has(name));
}

/** The provider to run on for a setting: "auto" picks the best present; an explicit one must be present. */
export function chooseProvider(setting: ProviderSetting, available: readonly OrtProvider[] = availableProviders()): OrtProvider {
  if (setting === "auto") return available[0] ?? "cpu";
  const wanted = ORT_NAME[setting];
  if (available.includes(wanted)) return wanted;
  const listed = listSupportedBackends().some((backend) => backend.name === wanted);
  const why = listed
    ? `onnxruntime-node on this machine was installed without the ${PROVIDER_LABEL[wanted]} provider library`
    : `onnxruntime-node has no ${PROVIDER_LABEL[wanted]} provider on ${process.platform}/${process.arch}`;
  throw new AppError(
    "UNSUPPORTED",
    `Image models cannot run on ${PROVIDER_LABEL[wanted]}: ${why}. Available here: ${available.map((name) => PROVIDER_LABEL[name]).join(", ")}. ` +
      `Choose another provider in Settings → Image.`,
  );
}
