const SECRET_KEY = /token|secret|password|passwd|authorization|cookie|api[-_]?key|credential/i;
const SECRET_QUERY = /([?&](?:token|key|secret|password)=)[^&\s"]+/gi;
export const REDACTED = "[redacted]";

/** Strips secret-looking values from log details: by key name, and token query params in strings. */
export function redactDetails(details: Record<string, unknown> | undefined): { details?: unknown } {
  if (details === undefined) return {};
  return { details: redactValue(details, 0) };
}

export function redactText(text: string): string {
  return text.replace(SECRET_QUERY, `$1${REDACTED}`);
}

function redactValue(value: unknown, depth: number): unknown {
  if (typeof value === "string") return redactText(value);
  if (value instanceof Error) return { name: value.name, message: redactText(value.message) };
  if (depth > 4 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) ? REDACTED : redactValue(item, depth + 1);
  }
  return out;
}
