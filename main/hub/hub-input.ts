import { AppError } from "../../shared/errors";
import { isHubRepoId, isHubRevision } from "../../shared/hub-names";
import { repoPathSchema } from "../../shared/library";

const SHOWN_CHARACTERS = 100;

/**
 * Refuses a repository id, revision or file path the Hub would not accept, before any URL is
 * built from it: a `..` or `/` in one of them would address another resource, and the token
 * would go with the request.
 */
export function assertHubRef(repo: string, revision: string, path?: string): void {
  if (!isHubRepoId(repo)) {
    throw new AppError("INVALID_INPUT", `${shown(repo)} is not a Hugging Face repository id (owner/name, of letters, digits, '_', '-' and '.', without '--' or '..').`);
  }
  if (!isHubRevision(revision)) {
    throw new AppError("INVALID_INPUT", `${shown(revision)} is not a commit, branch or tag name the Hub accepts.`);
  }
  if (path !== undefined && !repoPathSchema.safeParse(path).success) {
    throw new AppError("INVALID_INPUT", `${shown(path)} is not a file path inside ${repo}.`);
  }
}

function shown(value: string): string {
  const text = JSON.stringify(value);
  return text.length > SHOWN_CHARACTERS ? `${text.slice(0, SHOWN_CHARACTERS)}…` : text;
}
