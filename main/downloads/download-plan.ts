import { AppError } from "../../shared/errors";
import { slugify } from "../../shared/ids";
import { randomBytes } from "node:crypto";
import type { DownloadRequest } from "../../shared/library";
import type { ModelFamily } from "../../shared/families";
import type { HubClient, HubTreeFile } from "../hub/hub-client";
import { isGguf, isLaterSplitPart } from "../hub/quantization";
import type { CatalogLookup } from "../catalog/catalog";
import type { DownloadRecord } from "./download-record";

/** Everything a download needs to know before its first byte. */
export interface DownloadPlan {
  modelId: string;
  name: string;
  family: ModelFamily;
  format: "gguf" | "onnx";
  repo: string;
  revision: string;
  /** The commit `revision` pointed at when the download was planned: every file comes from it. */
  commit: string;
  catalogId?: string;
  files: { path: string; size: number; sha256?: string; gitOid?: string }[];
}

/**
 * Resolves a request into files with sizes and (where known) sha256, from the catalog, else the
 * hub's listing, at the commit its revision points at now: the download is pinned to that commit.
 */
export async function planDownload(
  request: DownloadRequest,
  hub: Pick<HubClient, "listFiles" | "resolveRevision">,
  catalog: Pick<CatalogLookup, "get">,
): Promise<DownloadPlan> {
  if ("catalogId" in request) {
    const entry = await catalog.get(request.catalogId);
    const commit = await hub.resolveRevision(entry.repo, entry.revision);
    const known = entry.files.every((file) => file.size !== undefined && file.sha256 !== undefined);
    const listing = known ? [] : await hub.listFiles(entry.repo, commit);
    const files = entry.files.map((file) => {
      if (file.size !== undefined && file.sha256 !== undefined) return { path: file.path, size: file.size, sha256: file.sha256 };
      const listed = findListed(listing, file.path, entry.repo, entry.revision);
      const sha256 = file.sha256 ?? listed.sha256;
      return { ...checksOf({ ...listed, sha256 }), path: file.path, size: file.size ?? listed.size };
    });
    return {
      modelId: entry.id, name: entry.name, family: entry.family, format: entry.format,
      repo: entry.repo, revision: entry.revision, commit, catalogId: entry.id, files,
    };
  }
  const commit = await hub.resolveRevision(request.repo, request.revision);
  const listing = await hub.listFiles(request.repo, commit);
  const files = [...new Set(request.files)].map((path) => findListed(listing, path, request.repo, request.revision));
  const name = request.name ?? defaultName(request.repo, request.files);
  return {
    modelId: slugify(name),
    name,
    family: request.family,
    format: files.some((file) => isGguf(file.path)) ? "gguf" : "onnx",
    repo: request.repo,
    revision: request.revision,
    commit,
    files: files.map((file) => ({ path: file.path, size: file.size, ...checksOf(file) })),
  };
}

/** A queued download for a plan. */
export function recordOf(plan: DownloadPlan, now = Date.now()): DownloadRecord {
  const { catalogId, files, ...model } = plan;
  return {
    id: `dl-${now.toString(36)}-${randomBytes(4).toString("hex")}`,
    ...model,
    ...(catalogId ? { catalogId } : {}),
    state: "queued",
    files: files.map((file) => ({ ...file, receivedBytes: 0, verified: false })),
    receivedBytes: 0,
    totalBytes: files.reduce((sum, file) => sum + file.size, 0),
    bytesPerSecond: 0,
    etaSeconds: null,
    attempts: 0,
    createdAt: now,
    updatedAt: now,
  };
}

/** A single GGUF is named after its file (each quantization is its own model); otherwise after the repository. */
function defaultName(repo: string, files: string[]): string {
  const ggufs = files.filter((file) => isGguf(file) && !isLaterSplitPart(file));
  const first = ggufs[0];
  if (ggufs.length === 1 && first) {
    return (first.split("/").pop() ?? first).replace(/-00001-of-\d{5}\.gguf$/i, "").replace(/\.gguf$/i, "");
  }
  return repo.split("/")[1] ?? repo;
}

/** The sha256 when known, else the git blob id: one is enough to verify the bytes. */
function checksOf(file: { sha256?: string | undefined; gitOid?: string }): { sha256?: string; gitOid?: string } {
  if (file.sha256) return { sha256: file.sha256 };
  return file.gitOid ? { gitOid: file.gitOid } : {};
}

function findListed(listing: HubTreeFile[], path: string, repo: string, revision: string): HubTreeFile {
  const found = listing.find((file) => file.path === path);
  if (!found) throw new AppError("NOT_FOUND", `${repo} has no file ${path} at ${revision}.`);
  return found;
}
