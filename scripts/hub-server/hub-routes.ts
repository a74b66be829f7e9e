import type { IncomingMessage, ServerResponse } from "node:http";
import { FaultInjector } from "./faults";
import { commitOf, findRevision, isGated, listRepoFiles, repoLicense, listRepos, listRevisions, type HubFileInfo } from "./hub-repos";
import { sendBody, sendGzipped } from "./send-body";

/** One request as the hub saw it: tests assert on Range and Authorization headers and on faults. */
export interface RecordedRequest {
  server: "hub" | "cdn";
  method: string;
  /** Path and query. */
  url: string;
  /** The repository file it asked for, for resolve and CDN requests. */
  file?: string;
  range?: string;
  authorization?: string;
  status: number;
  fault?: string;
}

export interface HubState {
  root: string;
  hubUrl: () => string;
  cdnUrl: () => string;
  token: string | undefined;
  pageSize: number;
  faults: FaultInjector;
  bytesPerSecond: number;
  requests: RecordedRequest[];
}

const TREE = /^\/api\/models\/([^/]+\/[^/]+)\/tree\/([^/]+)$/;
const REVISION = /^\/api\/models\/([^/]+\/[^/]+)\/revision\/([^/]+)$/;
const RESOLVE = /^\/([^/]+\/[^/]+)\/resolve\/([^/]+)\/(.+)$/;
const CDN = /^\/cdn\/([^/]+\/[^/]+)\/([^/]+)\/(.+)$/;

export async function handleHub(state: HubState, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? "/", state.hubUrl());
  const record = recordOf(state, "hub", request);
  const path = decodeURIComponent(url.pathname);
  let match: RegExpExecArray | null;
  if (path === "/api/models") return json(response, record, await search(state, url));
  if ((match = REVISION.exec(path))) return revisionInfo(state, match[1] ?? "", match[2] ?? "", response, record);
  if ((match = TREE.exec(path))) return tree(state, match[1] ?? "", match[2] ?? "", url, response, record);
  if ((match = RESOLVE.exec(path))) return resolve(state, match[1] ?? "", match[2] ?? "", match[3] ?? "", request, response, record);
  return plain(response, record, 404, "Not found");
}

export async function handleCdn(state: HubState, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? "/", state.cdnUrl());
  const record = recordOf(state, "cdn", request);
  const match = CDN.exec(decodeURIComponent(url.pathname));
  const file = match ? await findFile(state, match[1] ?? "", match[2] ?? "", match[3] ?? "") : undefined;
  if (!file) return plain(response, record, 404, "Not found");
  record.file = file.path;
  const range = parseRange(request.headers.range, file.size);
  if (range === "unsatisfiable") {
    response.setHeader("Content-Range", `bytes */${file.size}`);
    return plain(response, record, 416, "Range not satisfiable");
  }
  const partial = range !== undefined;
  const plan = state.faults.dataFault(file.path, range ? range.end - range.start + 1 : file.size, partial);
  record.fault = plan?.kind;
  const served = plan?.kind === "ignore-range" || !range ? { start: 0, end: file.size - 1 } : range;
  const status = plan?.kind === "ignore-range" || !range ? 200 : 206;
  const extra = plan?.kind === "wrong-size" ? plan.extraBytes : 0;
  record.status = status;
  response.statusCode = status;
  response.setHeader("Content-Length", served.end - served.start + 1 + extra);
  response.setHeader("Accept-Ranges", "bytes");
  response.setHeader("Content-Type", "application/octet-stream");
  if (status === 206) response.setHeader("Content-Range", `bytes ${served.start}-${served.end}/${file.size}`);
  if (request.method === "HEAD" || file.size === 0) {
    response.end();
    return;
  }
  const source = { diskPath: file.diskPath, ...served };
  if (plan?.kind === "gzip") return sendGzipped(response, source);
  await sendBody(response, source, { fault: plan, bytesPerSecond: () => state.bytesPerSecond });
}

async function resolve(
  state: HubState, repo: string, revision: string, filePath: string,
  request: IncomingMessage, response: ServerResponse, record: RecordedRequest,
): Promise<void> {
  record.file = filePath;
  const fault = state.faults.statusFault(filePath);
  if (fault) {
    record.fault = fault;
    return plain(response, record, Number(fault), `Injected ${fault}`);
  }
  if (await isGated(state.root, repo)) {
    const expected = state.token === undefined ? undefined : `Bearer ${state.token}`;
    if (!request.headers.authorization) return plain(response, record, 401, "Access to this model is restricted.");
    if (request.headers.authorization !== expected) return plain(response, record, 403, "You have not accepted the license.");
  }
  // Like the real hub: an unknown repository is a 401 to anonymous callers (it might be private).
  const revisions = await listRevisions(state.root, repo);
  const found = await findRevision(state.root, repo, revision);
  const missing = revisions.length === 0 ? "RepoNotFound" : found === undefined ? "RevisionNotFound" : undefined;
  if (missing || !(await findFile(state, repo, revision, filePath))) {
    response.setHeader("X-Error-Code", missing ?? "EntryNotFound");
    return plain(response, record, missing === "RepoNotFound" ? 401 : 404, "Not found");
  }
  const location = `${state.cdnUrl()}/cdn/${repo}/${encodeURIComponent(revision)}/${filePath.split("/").map(encodeURIComponent).join("/")}`;
  response.setHeader("Location", location);
  plain(response, record, 302, "Found");
}

/** `/api/models/{repo}/revision/{revision}`: the model's info at a revision, with the commit it points at as `sha`. */
async function revisionInfo(state: HubState, repo: string, revision: string, response: ServerResponse, record: RecordedRequest): Promise<void> {
  if ((await listRevisions(state.root, repo)).length === 0) {
    response.setHeader("X-Error-Code", "RepoNotFound");
    return plain(response, record, 401, "Repository not found");
  }
  const found = await findRevision(state.root, repo, revision);
  if (found === undefined) {
    response.setHeader("X-Error-Code", "RevisionNotFound");
    return plain(response, record, 404, "Revision not found");
  }
  json(response, record, { _id: repo, id: repo, modelId: repo, sha: await commitOf(state.root, repo, found), private: false });
}

async function tree(state: HubState, repo: string, revision: string, url: URL, response: ServerResponse, record: RecordedRequest): Promise<void> {
  const found = await findRevision(state.root, repo, revision);
  if (found === undefined) return plain(response, record, 404, "Revision not found");
  const files = await listRepoFiles(state.root, repo, found);
  const recursive = url.searchParams.get("recursive") === "true";
  const entries = treeEntries(files, recursive);
  const cursor = Number(url.searchParams.get("cursor") ?? "0");
  const page = entries.slice(cursor, cursor + state.pageSize);
  if (cursor + state.pageSize < entries.length) {
    const next = new URL(url.pathname, state.hubUrl());
    next.search = url.search;
    next.searchParams.set("cursor", String(cursor + state.pageSize));
    response.setHeader("Link", `<${next.href}>; rel="next"`);
  }
  json(response, record, page);
}

function treeEntries(files: HubFileInfo[], recursive: boolean): unknown[] {
  const folders = new Set<string>();
  const entries: unknown[] = [];
  for (const file of files) {
    const parts = file.path.split("/");
    for (let i = 1; i < parts.length; i++) folders.add(parts.slice(0, i).join("/"));
    if (!recursive && parts.length > 1) continue;
    const lfs = file.lfs ? { lfs: { oid: file.sha256, size: file.size, pointerSize: 134 } } : {};
    entries.push({ type: "file", oid: file.gitOid, size: file.size, path: file.path, ...lfs });
  }
  for (const folder of folders) {
    if (recursive || !folder.includes("/")) entries.push({ type: "directory", oid: "0".repeat(40), size: 0, path: folder });
  }
  return entries;
}

async function search(state: HubState, url: URL): Promise<unknown[]> {
  const query = (url.searchParams.get("search") ?? "").toLowerCase();
  const ggufOnly = url.searchParams.getAll("filter").includes("gguf");
  const limit = Number(url.searchParams.get("limit") ?? "20");
  const found: unknown[] = [];
  for (const repo of await listRepos(state.root)) {
    if (!repo.toLowerCase().includes(query)) continue;
    const files = await listRepoFiles(state.root, repo, "main").catch(() => []);
    const gguf = files.some((file) => file.path.endsWith(".gguf"));
    if (ggufOnly && !gguf) continue;
    const gated = await isGated(state.root, repo);
    const license = await repoLicense(state.root, repo);
    const tags = [...(gguf ? ["gguf"] : []), ...(license ? [`license:${license}`] : [])];
    found.push({ _id: repo, id: repo, modelId: repo, likes: repo.length, downloads: repo.length * 10, gated: gated ? "manual" : false, tags, createdAt: "2025-01-01T00:00:00.000Z" });
  }
  return found.slice(0, limit);
}

async function findFile(state: HubState, repo: string, revision: string, filePath: string): Promise<HubFileInfo | undefined> {
  const found = await findRevision(state.root, repo, revision);
  if (found === undefined) return undefined;
  return (await listRepoFiles(state.root, repo, found)).find((file) => file.path === filePath);
}

function parseRange(header: string | undefined, size: number): { start: number; end: number } | "unsatisfiable" | undefined {
  const match = header ? /^bytes=(\d+)-(\d*)$/.exec(header) : null;
  if (!match) return undefined;
  const start = Number(match[1]);
  const end = match[2] ? Math.min(Number(match[2]), size - 1) : size - 1;
  return start >= size || end < start ? "unsatisfiable" : { start, end };
}

function recordOf(state: HubState, server: "hub" | "cdn", request: IncomingMessage): RecordedRequest {
  const record: RecordedRequest = { server, method: request.method ?? "GET", url: request.url ?? "/", status: 0 };
  if (request.headers.range) record.range = request.headers.range;
  if (request.headers.authorization) record.authorization = request.headers.authorization;
  state.requests.push(record);
  return record;
}

function json(response: ServerResponse, record: RecordedRequest, value: unknown): void {
  record.status = 200;
  response.writeHead(200, { "Content-Type": "application/json" });
  response.end(JSON.stringify(value));
}

function plain(response: ServerResponse, record: RecordedRequest, status: number, text: string): void {
  record.status = status;
  response.writeHead(status, { "Content-Type": "text/plain" });
  response.end(text);
}
