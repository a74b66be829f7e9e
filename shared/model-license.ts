/**
 * What a model's license means for a creator before they download it, from the license
 * id Hugging Face and the catalog use (`apache-2.0`, `cc-by-nc-4.0`, `llama3.2`, …).
 */
export type LicenseKind = "open" | "conditions" | "non-commercial" | "unknown";

export interface ModelLicense {
  /** The id as given, or "unknown". */
  id: string;
  kind: LicenseKind;
  /** A badge's words; absent for plain open licenses. */
  badge?: string;
  /** One sentence on what to check. */
  note?: string;
}

/** Licenses with terms beyond attribution, and what to read in them. */
const WITH_CONDITIONS: ReadonlyArray<[RegExp, string]> = [
  [/^stabilityai-ai-community$/, "Commercial use is free only below US$1M in annual revenue; read the Stability AI Community License."],
  [/^llama\d/, "Meta's Llama license: an acceptable-use policy, attribution, and a separate license above 700M monthly users."],
  [/^gemma$/, "Google's Gemma terms: a prohibited-use policy that passes on to anything you share."],
  [/openrail/, "An OpenRAIL license: use restrictions (its Attachment A) that pass on to anything you share."],
  [/^(other|custom)$/, "A custom license: read it on the model's page before you use what it makes."],
];

/** Creative Commons NC variants, research-only and other non-commercial licenses. */
const NON_COMMERCIAL = /(^|-)nc(-|$)|non-?commercial|research-only|^deepfloyd-if-license$|^apple-ascl$/;
const UNKNOWN = /^(unknown|none|)$/;

export function describeModelLicense(license: string | undefined): ModelLicense {
  const id = license?.trim().toLowerCase() ?? "";
  if (UNKNOWN.test(id)) {
    return { id: "unknown", kind: "unknown", badge: "License unknown", note: "No license is given: ask the publisher before you use what it makes." };
  }
  if (NON_COMMERCIAL.test(id)) {
    return { id, kind: "non-commercial", badge: "Non-commercial license", note: "You may not use this model or what it makes commercially." };
  }
  const conditions = WITH_CONDITIONS.find(([pattern]) => pattern.test(id));
  if (conditions) return { id, kind: "conditions", badge: "License with conditions", note: conditions[1] };
  return { id, kind: "open" };
}

/** The license id in a Hugging Face repository's tags (`license:mit`), if it has one. */
export function licenseFromHubTags(tags: readonly string[]): string | undefined {
  return tags.find((tag) => tag.startsWith("license:"))?.slice("license:".length);
}
