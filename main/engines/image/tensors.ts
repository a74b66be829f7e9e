import { Tensor } from "onnxruntime-node";
import { AppError } from "../../../shared/errors";
import { float16ToFloat32, float32ToFloat16 } from "./float16";

/** The float element types Stable Diffusion exports use for their float inputs and outputs. */
export type FloatType = "float32" | "float16";
export type IdType = "int32" | "int64";

/** A float tensor in the element type a session declares (float16 goes in as binary16 bits). */
export function floatTensor(type: FloatType, values: Float32Array, dims: readonly number[]): Tensor {
  return type === "float16" ? new Tensor("float16", float32ToFloat16(values), dims) : new Tensor("float32", values, dims);
}

export function idTensor(type: IdType, ids: readonly number[], dims: readonly number[]): Tensor {
  return type === "int64"
    ? new Tensor("int64", BigInt64Array.from(ids, (id) => BigInt(id)), dims)
    : new Tensor("int32", Int32Array.from(ids), dims);
}

/** A tensor's values as float32, whatever float type the model produced. */
export function readFloats(tensor: Tensor, what: string): Float32Array {
  if (tensor.type === "float32") return tensor.data as Float32Array;
  if (tensor.type === "float16") {
    // onnxruntime hands float16 back as raw bits, or as a Float16Array where the runtime has one.
    const data: unknown = tensor.data;
    return data instanceof Uint16Array ? float16ToFloat32(data) : Float32Array.from(data as ArrayLike<number>);
  }
  throw new AppError("MODEL_INCOMPATIBLE", `${what} is ${tensor.type}; a float tensor was expected.`);
}

/** `count` copies of `values` one after another (a batch of identical rows). */
export function repeat(values: Float32Array, count: number): Float32Array {
  const out = new Float32Array(values.length * count);
  for (let i = 0; i < count; i++) out.set(values, i * values.length);
  return out;
}

/** Last-axis concatenation of row-major [rows, a] and [rows, b] → [rows, a + b]. */
export function concatLastAxis(a: Float32Array, widthA: number, b: Float32Array, widthB: number): Float32Array {
  const rows = a.length / widthA;
  const out = new Float32Array(rows * (widthA + widthB));
  for (let row = 0; row < rows; row++) {
    out.set(a.subarray(row * widthA, (row + 1) * widthA), row * (widthA + widthB));
    out.set(b.subarray(row * widthB, (row + 1) * widthB), row * (widthA + widthB) + widthA);
  }
  return out;
}
