import type { CacheMethods } from "../cache-methods";
import type { EngineMethod } from "../protocol";

/** One input or output of an ONNX graph, as the session declares it. */
export interface OnnxValueInfo {
  name: string;
  /** The element type ("float32", "int64", …), or "non-tensor" for sequences and maps. */
  type: string;
  /** Numbers for fixed dimensions, names (or "") for symbolic ones; empty for scalars. */
  shape: (number | string)[];
}

export interface OnnxFileInfo {
  /** The absolute path that was opened. */
  path: string;
  inputs: OnnxValueInfo[];
  outputs: OnnxValueInfo[];
}

export type OnnxMethods = {
  /** Opens each file in onnxruntime (CPU), reads its signature and releases it again. */
  inspect: EngineMethod<{ paths: string[] }, OnnxFileInfo[]>;
  /** onnxruntime execution providers this build can use, "cpu" first. */
  providers: EngineMethod<Record<string, never>, string[]>;
} & CacheMethods;
