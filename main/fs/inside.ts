import path from "node:path";
import { AppError } from "../../shared/errors";

/**
 * Joins `parts` onto `root` and refuses any result outside `root`
 * (`..`, absolute parts, or anything else that escapes).
 */
export function resolveInside(root: string, ...parts: string[]): string {
  const base = path.resolve(root);
  for (const part of parts) {
    if (part.includes("\0")) throw new AppError("INVALID_INPUT", "A path contains a NUL character.");
  }
  const target = path.resolve(base, ...parts);
  if (!isInside(base, target)) {
    throw new AppError("INVALID_INPUT", "That path leaves the data folder and was refused.");
  }
  return target;
}

/** Whether `target` is `root` itself or lies under it (both absolute, normalized). */
export function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}
