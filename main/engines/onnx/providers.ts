import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { listSupportedBackends } from "onnxruntime-node";

/** Where onnxruntime-node keeps its native libraries for this platform. */
function nativeLibraryDir(): string | undefined {
  try {
    const entry = createRequire(import.meta.url).resolve("onnxruntime-node");
    const binRoot = path.join(path.dirname(entry), "..", "bin");
    const napi = readdirSync(binRoot).find((name) => name.startsWith("napi-v"));
    return napi ? path.join(binRoot, napi, process.platform, process.arch) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Execution providers this build can really use: the ones bundled with onnxruntime-node,
 * and the optional ones (CUDA, TensorRT) only when their provider library was installed
 * next to it — listing them otherwise would promise a GPU path that fails at load time.
 */
export function usableProviders(): string[] {
  const dir = nativeLibraryDir();
  const installed = dir ? safeList(dir) : [];
  const names = listSupportedBackends()
    .filter((backend) => backend.bundled || installed.some((file) => file.includes(`onnxruntime_providers_${backend.name}`)))
    .map((backend) => backend.name);
  return ["cpu", ...names.filter((name) => name !== "cpu")];
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
