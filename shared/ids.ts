import { z } from "zod";

/** Ids are slugs: safe as file names, never a path. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9._-]{0,127}$/;
export const idSchema = z
  .string()
  .regex(ID_PATTERN, "must be a lowercase slug (letters, digits, '.', '_' or '-')")
  .refine((id) => !id.includes(".."), "must not contain '..'");

export function slugify(text: string): string {
  const slug = text
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/\.{2,}/g, ".")
    .replace(/^[^a-z0-9]+/, "")
    .slice(0, 100)
    .replace(/[-.]+$/, "");
  return slug || "item";
}
