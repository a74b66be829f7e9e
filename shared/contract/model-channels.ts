import { z } from "zod";
import { idSchema } from "../ids";
import { engineStatusSchema, loadedModelSchema, modelFamilySchema, modelInfoSchema } from "../models";
import {
  catalogItemSchema,
  downloadRequestSchema,
  downloadSchema,
  fitSchema,
  hardwareInfoSchema,
  hubFileSchema,
  hubModelSchema,
  repoSchema,
  revisionSchema,
} from "../library";
import { byId, channel, deleted, empty } from "./channel";

/** The model library: installed models, engines and hardware fit, catalog, Hugging Face and downloads. */
export const modelChannels = {
  "models.list": channel(empty, z.array(modelInfoSchema)),
  "models.refresh": channel(empty, z.array(modelInfoSchema)),
  "models.delete": channel(byId, deleted),
  "models.unload": channel(byId, z.object({ unloaded: z.boolean() })),

  /** Loads a model now; a model estimated too large is refused unless `force` ("load anyway"). */
  "models.load": channel(z.object({ id: idSchema, force: z.boolean().default(false) }).strict(), loadedModelSchema),
  "models.fit": channel(
    z.object({ id: idSchema, contextSize: z.number().int().min(128).max(1 << 20).optional() }).strict(),
    fitSchema,
  ),
  /** Validates a .gguf file or an ONNX model folder by reading it, then registers it. */
  "models.import": channel(
    z
      .object({
        path: z.string().min(1).max(4096),
        mode: z.enum(["copy", "link"]),
        family: modelFamilySchema.optional(),
        name: z.string().trim().min(1).max(200).optional(),
      })
      .strict(),
    modelInfoSchema,
  ),

  "engines.status": channel(empty, z.array(engineStatusSchema)),
  "hardware.info": channel(empty, hardwareInfoSchema),

  "catalog.list": channel(empty, z.array(catalogItemSchema)),

  "hub.search": channel(
    z
      .object({
        query: z.string().trim().min(1).max(200),
        /** Only repositories with GGUF files. */
        ggufOnly: z.boolean().default(true),
        limit: z.number().int().min(1).max(50).default(20),
      })
      .strict(),
    z.array(hubModelSchema),
  ),
  /** Every file of a repository at a revision, with sizes, LFS sha256 and (for GGUF) fit. */
  "hub.files": channel(
    z.object({ repo: repoSchema, revision: revisionSchema.default("main") }).strict(),
    z.array(hubFileSchema),
  ),
  "hub.tokenStatus": channel(empty, z.object({ tokenSet: z.boolean(), encrypted: z.boolean() })),
  /** Stores (or with null, forgets) the access token for gated repositories; it is never sent back. */
  "hub.setToken": channel(
    z.object({ token: z.string().trim().min(1).max(500).nullable() }).strict(),
    z.object({ tokenSet: z.boolean(), encrypted: z.boolean() }),
  ),

  "downloads.list": channel(empty, z.array(downloadSchema)),
  "downloads.start": channel(downloadRequestSchema, downloadSchema),
  "downloads.pause": channel(z.object({ id: z.string().min(1).max(100) }).strict(), downloadSchema),
  "downloads.resume": channel(z.object({ id: z.string().min(1).max(100) }).strict(), downloadSchema),
  /** Stops a download and removes its partial files. */
  "downloads.cancel": channel(z.object({ id: z.string().min(1).max(100) }).strict(), downloadSchema),
  "downloads.clearFinished": channel(empty, z.object({ removed: z.number().int().nonnegative() })),
} as const;
