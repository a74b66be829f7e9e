import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, readdir, readFile, stat, truncate, writeFile } from "node:fs/promises";
import path from "node:path";
import { isGitObjectId } from "../../shared/library";
import { createPrng } from "../fixtures/prng";
import { sizedGgufHeader } from "../fixtures/sized-gguf";

/**
 * Repositories of the test hub on disk: `<root>/<owner>/<name>/<revision>/<files>`.
 * `.hub-repo.json` beside the revisions holds repo metadata; `.hub-virtual.json` inside a
 * revision lists files that exist only by their advertised size (served as zero bytes).
 */
export type RepoFileSpec =
  | { path: string; content: string | Uint8Array }
  /** Random bytes from a seed: the same seed gives the same file. */
  | { path: string; size: number; seed?: number }
  /** A sparse file of zeros (large, costs no disk). */
  | { path: string; size: number; sparse: true }
  /** A GGUF model of exactly `size` bytes: a real header, then zeros (sparse, so any size costs no disk). */
  | { path: string; size: number; gguf: true }
  /** Advertised only, never materialized: for sizes no disk holds (e.g. 2^50). */
  | { path: string; size: number; virtual: true };

export interface RepoOptions {
  revision?: string;
  files: RepoFileSpec[];
  /** Resolve answers 401 without the hub's token, 403 with another one. */
  gated?: boolean;
  /** Listed in search results as a `license:<id>` tag, as the real hub does. */
  license?: string;
}

export interface HubFileInfo {
  path: string;
  size: number;
  sha256: string;
  /** The git blob id, sha1 of `blob <size>\0<content>`: what the real hub lists as `oid` for files kept in git. */
  gitOid: string;
  lfs: boolean;
  /** Absolute path on disk, or undefined for a virtual file. */
  diskPath: string | undefined;
}

const REPO_META = ".hub-repo.json";
const VIRTUAL = ".hub-virtual.json";
/** The sha256 advertised for virtual files: they are never served whole. */
const VIRTUAL_SHA256 = "0".repeat(64);

export async function createRepo(root: string, repo: string, options: RepoOptions): Promise<HubFileInfo[]> {
  const revisionDir = path.join(root, repo, options.revision ?? "main");
  await mkdir(revisionDir, { recursive: true });
  await writeFile(path.join(root, repo, REPO_META), JSON.stringify({ gated: options.gated ?? false, license: options.license }));
  const virtual: Record<string, number> = {};
  for (const [index, spec] of options.files.entries()) {
    if ("virtual" in spec) {
      virtual[spec.path] = spec.size;
      continue;
    }
    const file = path.join(revisionDir, spec.path);
    await mkdir(path.dirname(file), { recursive: true });
    if ("content" in spec) await writeFile(file, spec.content);
    else if ("sparse" in spec || "gguf" in spec) {
      await writeFile(file, "gguf" in spec ? sizedGgufHeader(spec.size) : "");
      await truncate(file, spec.size);
    } else await writeFile(file, randomBytes(spec.size, spec.seed ?? index + 1));
  }
  await writeFile(path.join(revisionDir, VIRTUAL), JSON.stringify(virtual));
  return listRepoFiles(root, repo, options.revision ?? "main");
}

export function randomBytes(size: number, seed: number): Uint8Array {
  const next = createPrng(seed);
  const bytes = new Uint8Array(size);
  const words = new Uint32Array(bytes.buffer, 0, Math.floor(size / 4));
  for (let i = 0; i < words.length; i++) words[i] = Math.floor(next() * 4294967296);
  for (let i = words.length * 4; i < size; i++) bytes[i] = Math.floor(next() * 256);
  return bytes;
}

export async function isGated(root: string, repo: string): Promise<boolean> {
  return (await repoMeta(root, repo)).gated === true;
}

export async function repoLicense(root: string, repo: string): Promise<string | undefined> {
  return (await repoMeta(root, repo)).license;
}

async function repoMeta(root: string, repo: string): Promise<{ gated?: boolean; license?: string }> {
  try {
    return JSON.parse(await readFile(path.join(root, repo, REPO_META), "utf8")) as { gated?: boolean; license?: string };
  } catch {
    return {};
  }
}

/** Every repository: `owner/name` folders under the root. */
export async function listRepos(root: string): Promise<string[]> {
  const repos: string[] = [];
  for (const owner of await names(root)) {
    for (const name of await names(path.join(root, owner))) repos.push(`${owner}/${name}`);
  }
  return repos.sort();
}

export async function listRevisions(root: string, repo: string): Promise<string[]> {
  return names(path.join(root, repo));
}

/**
 * The commit a revision (branch) points at: a hash of its files, so changing them moves the branch
 * to a new commit, as pushing to the real hub does.
 */
export async function commitOf(root: string, repo: string, revision: string): Promise<string> {
  const commit = createHash("sha1").update(`${repo}\0${revision}\0`);
  for (const file of await listRepoFiles(root, repo, revision)) commit.update(`${file.path}\0${file.sha256}\0`);
  return commit.digest("hex");
}

/** The revision folder for a branch name or a commit id; undefined when neither exists. */
export async function findRevision(root: string, repo: string, revisionOrCommit: string): Promise<string | undefined> {
  const revisions = await listRevisions(root, repo);
  if (revisions.includes(revisionOrCommit)) return revisionOrCommit;
  if (!isGitObjectId(revisionOrCommit)) return undefined;
  for (const revision of revisions) {
    if ((await commitOf(root, repo, revision)) === revisionOrCommit) return revision;
  }
  return undefined;
}

const hashes = new Map<string, Promise<{ sha256: string; gitOid: string }>>();

/** Every file of a revision with size and sha256 (computed once per file version), sorted by path. */
export async function listRepoFiles(root: string, repo: string, revision: string): Promise<HubFileInfo[]> {
  const revisionDir = path.join(root, repo, revision);
  const files: HubFileInfo[] = [];
  for (const relative of await walk(revisionDir, "")) {
    const diskPath = path.join(revisionDir, relative);
    const info = await stat(diskPath);
    const key = `${diskPath}\0${info.size}\0${info.mtimeMs}`;
    if (!hashes.has(key)) hashes.set(key, hashFile(diskPath, info.size));
    const { sha256, gitOid } = await (hashes.get(key) ?? hashFile(diskPath, info.size));
    files.push({ path: relative, size: info.size, sha256, gitOid, lfs: isLfs(relative), diskPath });
  }
  const virtualText = await readFile(path.join(revisionDir, VIRTUAL), "utf8").catch(() => "{}");
  for (const [relative, size] of Object.entries(JSON.parse(virtualText) as Record<string, number>)) {
    files.push({ path: relative, size, sha256: VIRTUAL_SHA256, gitOid: VIRTUAL_SHA256.slice(0, 40), lfs: true, diskPath: undefined });
  }
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

/** Like the real hub: small text files live in git, weights in LFS (only those carry a sha256). */
function isLfs(relative: string): boolean {
  return !/\.(json|txt|md)$/i.test(relative);
}

async function hashFile(file: string, size: number): Promise<{ sha256: string; gitOid: string }> {
  const sha256 = createHash("sha256");
  const blob = createHash("sha1").update(`blob ${size}\0`);
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    sha256.update(chunk as Buffer);
    blob.update(chunk as Buffer);
  }
  return { sha256: sha256.digest("hex"), gitOid: blob.digest("hex") };
}

async function walk(dir: string, prefix: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    if (entry.name.startsWith(".hub-")) continue;
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await walk(path.join(dir, entry.name), relative)));
    else if (entry.isFile()) out.push(relative);
  }
  return out;
}

async function names(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isDirectory() && !entry.name.startsWith(".")).map((entry) => entry.name);
}
