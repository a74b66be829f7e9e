import { z } from "zod";
import { modelFamilySchema } from "../../shared/families";
import { idSchema } from "../../shared/ids";
import { repoPathSchema, repoSchema, revisionSchema, sha256Schema } from "../../shared/library";

export const MANIFEST_FILE = "manifest.json";

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
  entry: repoPathSchema.optional(),
  /** Every file, as verified at install time. */
  files: z.array(z.object({ path: repoPathSchema, size: z.number().int().nonnegative(), sha256: sha256Schema.optional() })),
  /** For linked imports: the absolute folder holding the files; otherwise the manifest's own folder. */
  root: z.string().optional(),
  source: z.object({ repo: repoSchema, revision: revisionSchema, catalogId: z.string().optional() }).optional(),
  imported: z.enum(["copy", "link"]).optional(),
  installedAt: z.number(),
});
export type ModelManifest = z.infer<typeof modelManifestSchema>;
