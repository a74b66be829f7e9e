import { open, type FileHandle } from "node:fs/promises";

/** Protobuf wire types: varint, 64-bit, length-delimited, 32-bit (groups are not used by ONNX). */
const VARINT = 0;
const FIXED64 = 1;
const LENGTH_DELIMITED = 2;
const FIXED32 = 5;

/** ModelProto's fields (onnx.proto) and their wire types; other numbers are allowed, as protobuf allows. */
const MODEL_PROTO_FIELDS: ReadonlyMap<number, number> = new Map([
  [1, VARINT], // ir_version
  [2, LENGTH_DELIMITED], // producer_name
  [3, LENGTH_DELIMITED], // producer_version
  [4, LENGTH_DELIMITED], // domain
  [5, VARINT], // model_version
  [6, LENGTH_DELIMITED], // doc_string
  [7, LENGTH_DELIMITED], // graph
  [8, LENGTH_DELIMITED], // opset_import
  [14, LENGTH_DELIMITED], // metadata_props
  [20, LENGTH_DELIMITED], // training_info
  [25, LENGTH_DELIMITED], // functions
]);
const IR_VERSION = 1;
const GRAPH = 7;
/** Far more top-level fields than any exporter writes; stops the walk over a file that only looks like protobuf. */
const MAX_FIELDS = 100_000;

/**
 * Checks that a file is an ONNX ModelProto without reading it whole: walks its top-level
 * protobuf fields (a few bytes each, skipping the graph's bytes), which must have valid wire
 * types, stay inside the file, end exactly at its end, and include an IR version and a graph.
 * Throws an Error whose message says what is wrong.
 */
export async function checkOnnxModelHeader(file: string): Promise<void> {
  const handle = await open(file, "r");
  try {
    const size = (await handle.stat()).size;
    if (size === 0) throw new Error("the file is empty");
    const seen = await walkTopLevel(handle, size);
    if (!seen.has(IR_VERSION)) throw new Error("it names no ONNX IR version");
    if (!seen.has(GRAPH)) throw new Error("it holds no graph");
  } finally {
    await handle.close();
  }
}

async function walkTopLevel(handle: FileHandle, size: number): Promise<Set<number>> {
  const seen = new Set<number>();
  const buffer = Buffer.alloc(20);
  let position = 0;
  for (let count = 0; position < size; count++) {
    if (count >= MAX_FIELDS) throw new Error(`more than ${MAX_FIELDS} top-level fields`);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
    const tag = readVarint(buffer.subarray(0, bytesRead), 0);
    const field = Math.floor(tag.value / 8);
    const wireType = tag.value % 8;
    if (field === 0) throw new Error(`field number 0 at byte ${position}`);
    const expected = MODEL_PROTO_FIELDS.get(field);
    if (expected !== undefined && expected !== wireType) throw new Error(`field ${field} has the wrong wire type at byte ${position}`);
    if (field === IR_VERSION) {
      const version = readVarint(buffer.subarray(0, bytesRead), tag.next);
      if (version.value < 1 || version.value > 1000) throw new Error(`IR version ${version.value} is not one ONNX defines`);
    }
    position += tag.next + valueLength(buffer.subarray(0, bytesRead), tag.next, wireType, position);
    if (position > size) throw new Error(`field ${field} runs past the end of the file`);
    seen.add(field);
  }
  return seen;
}

/** Bytes the value takes after its tag, including a length prefix. */
function valueLength(bytes: Buffer, offset: number, wireType: number, position: number): number {
  switch (wireType) {
    case VARINT:
      return readVarint(bytes, offset).next - offset;
    case FIXED64:
      return 8;
    case FIXED32:
      return 4;
    case LENGTH_DELIMITED: {
      const length = readVarint(bytes, offset);
      return length.next - offset + length.value;
    }
    default:
      throw new Error(`wire type ${wireType} at byte ${position} is not one an ONNX model uses`);
  }
}

/** A base-128 varint (at most 10 bytes); numbers past 2^53 are refused, since no valid field needs them. */
function readVarint(bytes: Buffer, offset: number): { value: number; next: number } {
  let value = 0;
  let scale = 1;
  for (let index = offset; index < bytes.length && index < offset + 10; index++) {
    const byte = bytes[index] ?? 0;
    value += (byte & 0x7f) * scale;
    if (value > Number.MAX_SAFE_INTEGER) throw new Error("a number in it is too large for any ONNX field");
    if (byte < 0x80) return { value, next: index + 1 };
    scale *= 128;
  }
  throw new Error("a field header is cut off or malformed");
}
