import type { z, ZodType } from "zod";
import { AppError } from "../../shared/errors";
import { isGitObjectId, sha256Schema, type HubModel } from "../../shared/library";
import { apiStatusError, fileStatusError, unreachable } from "./hub-errors";
import { assertHubRef } from "./hub-input";
import { nextLink, revisionInfoSchema, searchResultsSchema, treePageSchema } from "./hub-api-schemas";
import { httpGet, type HttpResponse } from "./http-get";
import { downloadGet, type DownloadResponse } from "./wire/download-get";

export interface HubClientOptions {
  /** Read on every call: the setting may change. */
  endpoint: () => string;
  token: () => Promise<string | undefined>;
}

export interface HubTreeFile {
  path: string;
  size: number;
  /** Only for LFS files: the hub keeps no sha256 for files stored in git. */
  sha256?: string;
  /** For files stored in git (no sha256): their git blob id, a sha1 that verifies them as well. */
  gitOid?: string;
}

export interface RepoFileRef {
  repo: string;
  /** A commit, branch or tag. */
  revision: string;
  path: string;
  /** The branch or tag the user chose, when `revision` is the commit it was resolved to: for messages. */
  revisionName?: string;
}

const MAX_JSON_BYTES = 32 * 1024 * 1024;
const MAX_PAGES = 200;
const API_TIMEOUT_MS = 30_000;

/** The Hugging Face endpoints Atelier needs: file listing, file download and model search. */
export class HubClient {
  constructor(private readonly options: HubClientOptions) {}

  /**
   * The commit a branch or tag points at now (a commit answers itself), so that every file of a
   * download comes from one snapshot even if the branch moves meanwhile, and the install records it.
   */
  async resolveRevision(repo: string, revision: string): Promise<string> {
    assertHubRef(repo, revision);
    if (isGitObjectId(revision)) return revision;
    const url = this.url(`api/models/${repo}/revision/${encodeURIComponent(revision)}`);
    const { value } = await this.getJson(url, revisionInfoSchema, `${repo} at ${revision}`);
    return value.sha;
  }

  /** Every file of a repository at a revision, with sizes and LFS sha256, following pagination. */
  async listFiles(repo: string, revision: string): Promise<HubTreeFile[]> {
    assertHubRef(repo, revision);
    let url: URL | undefined = this.url(`api/models/${repo}/tree/${encodeURIComponent(revision)}`);
    url.searchParams.set("recursive", "true");
    const files: HubTreeFile[] = [];
    for (let page = 0; url && page < MAX_PAGES; page++) {
      const { value, next }: { value: z.output<typeof treePageSchema>; next: string | undefined } =
        await this.getJson(url, treePageSchema, `${repo} at ${revision}`);
      for (const entry of value) {
        if (entry.type !== "file") continue;
        const sha256 = sha256Schema.safeParse(entry.lfs?.oid).data;
        const gitOid = !entry.lfs && entry.oid && isGitObjectId(entry.oid) ? entry.oid : undefined;
        files.push({ path: entry.path, size: entry.lfs?.size ?? entry.size, ...(sha256 ? { sha256 } : {}), ...(gitOid ? { gitOid } : {}) });
      }
      url = next === undefined ? undefined : sameOrigin(new URL(next, url), url, `${repo} at ${revision}`);
    }
    return files;
  }

  async search(query: string, options: { ggufOnly: boolean; limit: number }): Promise<HubModel[]> {
    const url = this.url("api/models");
    url.searchParams.set("search", query);
    if (options.ggufOnly) url.searchParams.set("filter", "gguf");
    url.searchParams.set("sort", "downloads");
    url.searchParams.set("direction", "-1");
    url.searchParams.set("limit", String(options.limit));
    const { value } = await this.getJson(url, searchResultsSchema, `Searching for "${query}"`);
    return value.map((result) => ({
      repo: result.id,
      ...(result.downloads === undefined ? {} : { downloads: result.downloads }),
      ...(result.likes === undefined ? {} : { likes: result.likes }),
      ...(result.lastModified ?? result.createdAt ? { updatedAt: result.lastModified ?? result.createdAt } : {}),
      ...(result.gated === undefined ? {} : { gated: result.gated !== false }),
      tags: result.tags ?? [],
    }));
  }

  fileUrl(file: RepoFileRef): URL {
    assertHubRef(file.repo, file.revision, file.path);
    const encodedPath = file.path.split("/").map(encodeURIComponent).join("/");
    return this.url(`${file.repo}/resolve/${encodeURIComponent(file.revision)}/${encodedPath}`);
  }

  /**
   * Opens a file for reading from `offset` (a Range request when above 0). Answers 200 or 206;
   * any other status is thrown: AppError when final, TransientError when worth retrying.
   */
  async openFile(file: RepoFileRef, offset: number, signal: AbortSignal): Promise<DownloadResponse> {
    const url = this.fileUrl(file);
    const token = await this.options.token();
    const headers: Record<string, string> = { "Accept-Encoding": "identity" };
    if (offset > 0) headers.Range = `bytes=${offset}-`;
    const response = await downloadGet(url, { headers, signal, ...(token ? { token } : {}) });
    if (response.status === 200 || response.status === 206 || response.status === 416) return response;
    response.discard();
    throw fileStatusError(response.status, file, response.headers.get("x-error-code"));
  }

  private url(relative: string): URL {
    const base = this.options.endpoint().replace(/\/+$/, "");
    return new URL(`${base}/${relative}`);
  }

  private async getJson<S extends ZodType>(url: URL, schema: S, what: string): Promise<{ value: z.output<S>; next: string | undefined }> {
    const token = await this.options.token();
    const signal = AbortSignal.timeout(API_TIMEOUT_MS);
    let response: HttpResponse;
    try {
      response = await httpGet(url, { headers: { Accept: "application/json" }, signal, ...(token ? { token } : {}) });
    } catch (error) {
      throw unreachable(this.options.endpoint(), error);
    }
    if (response.status !== 200) {
      response.body.resume();
      throw apiStatusError(response.status, what);
    }
    const text = await readText(response, MAX_JSON_BYTES).catch((error: unknown) => {
      throw unreachable(this.options.endpoint(), error);
    });
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new AppError("DOWNLOAD_FAILED", `${what}: the hub sent something that is not JSON.`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new AppError("DOWNLOAD_FAILED", `${what}: the hub's answer has an unexpected shape.`);
    return { value: parsed.data, next: nextLink(response.headers.link) };
  }
}

/** The next page of a listing goes out with the token, so it must stay on the hub's origin. */
function sameOrigin(next: URL, current: URL, what: string): URL {
  if (next.origin !== current.origin) throw new AppError("DOWNLOAD_FAILED", `${what}: the hub pointed the next page at another site (${next.origin}).`);
  return next;
}

async function readText(response: HttpResponse, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of response.body) {
    total += (chunk as Buffer).length;
    if (total > limit) {
      response.body.destroy();
      throw new Error(`answer larger than ${limit} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}
