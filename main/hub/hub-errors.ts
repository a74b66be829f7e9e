import { AppError } from "../../shared/errors";
import type { RepoFileRef } from "./hub-client";

export const GATED_MESSAGE =
  "This model is gated: accept its license on Hugging Face and set an access token in Settings.";

/** A failure worth retrying: 5xx, 429, a dropped connection, a stall. */
export class TransientError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = "TransientError";
  }
}

/**
 * What went wrong with a file request, as an error the user can act on (or a TransientError to retry).
 * `hubCode` is the hub's X-Error-Code header: it tells a missing repository (which the real hub
 * answers with 401 to anonymous callers) from a gated one.
 */
export function fileStatusError(status: number, file: RepoFileRef, hubCode?: string): Error {
  const at = file.revisionName === undefined || file.revisionName === file.revision ? file.revision : `${file.revisionName} (${file.revision.slice(0, 7)})`;
  if (hubCode === "RepoNotFound" || hubCode === "RevisionNotFound") {
    return new AppError("DOWNLOAD_FAILED", `Not found on the hub: ${file.repo} at ${at} (or it is private: set an access token in Settings).`, { status });
  }
  if (status === 401 || status === 403) return new AppError("DOWNLOAD_FAILED", GATED_MESSAGE, { status });
  if (status === 404) {
    return new AppError("DOWNLOAD_FAILED", `Not found on the hub: ${file.path} in ${file.repo} at ${at}.`, { status });
  }
  if (status === 408 || status === 429 || status >= 500) return new TransientError(`the hub answered ${status}`, status);
  return new AppError("DOWNLOAD_FAILED", `The hub refused ${file.path} (HTTP ${status}).`, { status });
}

/** The same for API calls (file listing, search): 404 means the repository or revision does not exist. */
export function apiStatusError(status: number, what: string): AppError {
  if (status === 401 || status === 403) {
    return new AppError("DOWNLOAD_FAILED", `${what}: the repository is private or gated. Accept its license on Hugging Face and set an access token in Settings.`, { status });
  }
  if (status === 404) return new AppError("NOT_FOUND", `${what}: not found on the hub.`, { status });
  return new AppError("DOWNLOAD_FAILED", `${what}: the hub answered HTTP ${status}; try again later.`, { status });
}

/** A network-level failure (refused, reset, DNS) in words. */
export function unreachable(endpoint: string, error: unknown): AppError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code ?? (error instanceof Error ? error.message : String(error));
  return new AppError("DOWNLOAD_FAILED", `Could not reach the hub at ${endpoint} (${reason}).`);
}
