import { z } from "zod";
import { modelFamilySchema } from "../../shared/families";
import { idSchema } from "../../shared/ids";
import { gitObjectIdSchema, repoSchema, revisionSchema, sha256Schema } from "../../shared/library";

export const MANIFEST_FILE = "manifest.json";

/**
 * A file path relative to the model's root: repository paths from downloads, and the
 * user's own file names (spaces and all) from imports. Never absolute, never `..`.
 */
export const manifestPathSchema = z
  .string()
  .min(1)
  .max(1000)
  .refine((p) => !p.startsWith("/") && !p.includes("\\") && !p.includes("\0"), "must be a relative path with forward slashes")
  .refine((p) => p.split("/").every((part) => part !== "" && part !== "." && part !== ".."), "must not contain empty, '.' or '..' parts");

/**
 * `<models>/<id>/manifest.json`: written last when a download or import is installed,
 * so a folder without one is never a usable model.
 */
export const modelManifestSchema = z.object({
  version: z.literal(1),
  id: idSchema,
  name: z.string().min(1),
  family: modelFamilySchema,
  format: z.enum(["gguf", "onnx"]),
  /** The file to load for single-file models (GGUF), relative to the model's root. */
  entry: manifestPathSchema.optional(),
  /** Every file, as verified at install time. */
  files: z.array(z.object({ path: manifestPathSchema, size: z.number().int().nonnegative(), sha256: sha256Schema.optional() })),
  /** For linked imports: the absolute folder holding the files; otherwise the manifest's own folder. */
  root: z.string().optional(),
  source: z.object({ repo: repoSchema, revision: revisionSchema, commit: gitObjectIdSchema.optional(), catalogId: z.string().optional() }).optional(),
  imported: z.enum(["copy", "link"]).optional(),
  installedAt: z.number(),
});
export type ModelManifest = z.infer<typeof modelManifestSchema>;
