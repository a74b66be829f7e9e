import { z } from "zod";

/**
 * Repository ids and revisions as the Hugging Face Hub defines them. Every hub URL is built from
 * these two, so a value that passes here cannot step out of its path segment (`..`, `/`).
 */

const MAX_REPO_SEGMENT = 96;
const MAX_REVISION = 255;
/** Letters, digits, `_`, `-` and `.`, beginning and ending with a letter, digit or `_`. */
const REPO_SEGMENT = /^\w(?:[\w.-]*\w)?$/;
/** Printable ASCII without space and the characters git forbids in ref names (`~^:?*[\`). */
const REVISION_CHARACTERS = /^[!-~]+$/;
const REVISION_FORBIDDEN = /[~^:?*[\\]/;

/**
 * huggingface_hub's `validate_repo_id`: `name` or `namespace/name`, each part 1–96 of
 * `[A-Za-z0-9_.-]` that neither begins nor ends with `-` or `.`, no `--` or `..`, no `.git` ending.
 */
export function isHubRepoId(value: string): boolean {
  const segments = value.split("/");
  if (segments.length > 2) return false;
  if (value.includes("--") || value.includes("..") || value.endsWith(".git")) return false;
  return segments.every((segment) => segment.length <= MAX_REPO_SEGMENT && REPO_SEGMENT.test(segment));
}

/**
 * A branch, tag or commit name by git's `check-ref-format` rules (branch names, so one level is
 * fine): no `..`, `@{`, `//`, leading or trailing `/`, trailing `.`, part beginning with `.` or
 * ending with `.lock`, nor `@` alone. Kept to printable ASCII and 255 characters.
 */
export function isHubRevision(value: string): boolean {
  if (value.length === 0 || value.length > MAX_REVISION) return false;
  if (!REVISION_CHARACTERS.test(value) || REVISION_FORBIDDEN.test(value)) return false;
  if (value === "@" || value.includes("..") || value.includes("@{") || value.endsWith(".")) return false;
  return value.split("/").every((part) => part.length > 0 && !part.startsWith(".") && !part.endsWith(".lock"));
}

/** A Hugging Face repository id: `owner/name` (or a legacy `name`). */
export const repoSchema = z
  .string()
  .refine(isHubRepoId, "must be a Hugging Face repository id: owner/name, of letters, digits, '_', '-' and '.', without '--' or '..'");
/** A pinned commit (40 hex digits) or a branch/tag name. */
export const revisionSchema = z
  .string()
  .refine(isHubRevision, "must be a commit, branch or tag name (no spaces, '..', '~^:?*[\\' or leading '/')");
