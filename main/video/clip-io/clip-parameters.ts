/** A clip's generation parameters as JSON: whatever the video studio records (prompt, seed, model, fps, …). */
export type ClipParameters = Record<string, unknown>;

/** The parameters as one line of JSON (no raw newlines, so every container's text field can hold it). */
export function serializeParameters(parameters: ClipParameters): string {
  return JSON.stringify(parameters);
}

/** The same JSON with every non-ASCII character escaped (\\u00e9): still the same value, and plain 7-bit text (GIF comments). */
export function serializeParametersAscii(parameters: ClipParameters): string {
  return serializeParameters(parameters).replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Parameters from a container's text field; undefined when it holds no JSON object (another program's comment). */
export function parseParameters(text: string | undefined): ClipParameters | undefined {
  if (!text) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as ClipParameters) : undefined;
  } catch {
    return undefined;
  }
}
