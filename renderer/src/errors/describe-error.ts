import { AppError, isAppErrorShape, type ErrorCode } from "../../../shared/errors";

/** What to say when the host gave no message of its own. */
const FALLBACK: Record<ErrorCode, string> = {
  INVALID_INPUT: "Some of the values given are not valid.",
  NOT_FOUND: "That item no longer exists.",
  MODEL_NOT_INSTALLED: "That model is not installed.",
  MODEL_INCOMPATIBLE: "That model cannot run in Atelier.",
  MODEL_LOAD_FAILED: "The model could not be loaded.",
  OUT_OF_MEMORY: "There is not enough memory for this. Try a smaller model or unload others.",
  ENGINE_CRASHED: "The engine stopped unexpectedly. It restarts on the next try.",
  ENGINE_HUNG: "The engine stopped responding and was stopped. It restarts on the next try.",
  CANCELLED: "Stopped.",
  DOWNLOAD_FAILED: "The download failed.",
  CHECKSUM_MISMATCH: "The downloaded file is damaged.",
  DISK_FULL: "The disk is full.",
  NOT_WRITABLE: "Atelier cannot write to its data folder.",
  UNSUPPORTED: "That is not supported.",
  INTERNAL: "Something went wrong inside Atelier.",
};

/** A sentence a creator can act on, for any thrown value. */
export function describeError(error: unknown): string {
  if (error instanceof AppError || isAppErrorShape(error)) {
    return error.message.trim() || FALLBACK[error.code];
  }
  if (error instanceof Error && error.message) return error.message;
  return FALLBACK.INTERNAL;
}
