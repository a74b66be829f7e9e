const QUANT = /(?:^|[-_.])((?:IQ|TQ|Q)\d(?:_[A-Z0-9]{1,3})*|F16|FP16|BF16|F32|FP32)(?=[-_.])/i;
const SPLIT = /-(\d{5})-of-(\d{5})\.gguf$/i;

/** The quantization in a GGUF file name ("Llama-3.2-1B-Q4_K_M.gguf" → "Q4_K_M"), if it names one. */
export function quantizationOf(fileName: string): string | undefined {
  const base = fileName.split("/").pop() ?? fileName;
  const match = QUANT.exec(base);
  return match?.[1]?.toUpperCase().replace(/^FP/, "F");
}

/** For split GGUF models ("-00002-of-00003.gguf"), the name shared by every part; else the name itself. */
export function splitGroupOf(fileName: string): string {
  return fileName.replace(SPLIT, ".gguf");
}

/** Whether this file is a later part of a split model (the first part is the one to load). */
export function isLaterSplitPart(fileName: string): boolean {
  const match = SPLIT.exec(fileName);
  return match !== null && match[1] !== "00001";
}

export function isGguf(fileName: string): boolean {
  return fileName.toLowerCase().endsWith(".gguf");
}
