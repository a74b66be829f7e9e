/** What a number typed into a form may be. */
export interface NumberRule {
  label: string;
  integer: boolean;
  min: number;
  max: number;
}

/** The number typed into a field, or what is wrong with it in words; `formatLimit` writes min and max in the message. */
export function parseNumberField(raw: string, rule: NumberRule, formatLimit: (limit: number) => string = String): number | string {
  const { label, integer, min, max } = rule;
  const text = raw.trim();
  const value = Number(text);
  if (text === "" || !Number.isFinite(value)) return `${label} must be a number.`;
  if (integer && !Number.isInteger(value)) return `${label} must be a whole number.`;
  if (value < min || value > max) return `${label} must be between ${formatLimit(min)} and ${formatLimit(max)}.`;
  return value;
}
