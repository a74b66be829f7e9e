import { z } from "zod";
import { gitObjectIdSchema } from "../../shared/library";

/**
 * One entry of `/api/models/{repo}/tree/{revision}`. LFS files carry their sha256 as `lfs.oid`;
 * `oid` is the git blob id, which for files kept in git is the sha1 of `blob <size>\0<content>`.
 */
export const treeEntrySchema = z.object({
  type: z.string(),
  path: z.string(),
  oid: z.string().optional(),
  size: z.number().nonnegative().default(0),
  lfs: z.object({ oid: z.string(), size: z.number().nonnegative() }).optional(),
});
export const treePageSchema = z.array(treeEntrySchema);

/** `/api/models/{repo}/revision/{revision}`: of the model info, only the commit the revision points at. */
export const revisionInfoSchema = z.object({ sha: gitObjectIdSchema });

/** One result of `/api/models?search=…`; `gated` is false, "auto" or "manual". */
export const searchResultSchema = z.object({
  id: z.string(),
  downloads: z.number().optional(),
  likes: z.number().optional(),
  lastModified: z.string().optional(),
  createdAt: z.string().optional(),
  gated: z.union([z.boolean(), z.string()]).optional(),
  tags: z.array(z.string()).optional(),
});
export const searchResultsSchema = z.array(searchResultSchema);

/** The `rel="next"` URL of a Link header, if any. */
export function nextLink(header: string | string[] | undefined): string | undefined {
  const text = Array.isArray(header) ? header.join(",") : header;
  if (!text) return undefined;
  for (const part of text.split(",")) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/i.exec(part);
    if (match?.[1]) return match[1];
  }
  return undefined;
}
