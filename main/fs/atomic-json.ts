import { readFile, rename } from "node:fs/promises";
import writeFileAtomic from "write-file-atomic";
import type { z } from "zod";
import { AppError } from "../../shared/errors";
import type { Logger } from "../log/types";

/** Writes JSON through a temp file and a rename, so readers never see half a file. */
export async function writeJsonAtomic(file: string, value: unknown): Promise<void> {
  try {
    await writeFileAtomic(file, JSON.stringify(value, null, 2) + "\n", { encoding: "utf8" });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOSPC") throw new AppError("DISK_FULL", `The disk is full: could not save ${file}.`);
    throw error;
  }
}

export type JsonReadResult<T> =
  | { kind: "ok"; value: T }
  | { kind: "missing" }
  | { kind: "corrupt"; reason: string; backup: string };

/**
 * Reads and validates a JSON file. A file that does not parse or fails the schema is
 * moved aside to `<file>.corrupt-<time>` (so saving afresh never destroys it) and reported.
 */
export async function readJsonFile<S extends z.ZodType>(
  file: string,
  schema: S,
  logger: Logger,
): Promise<JsonReadResult<z.output<S>>> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { kind: "missing" };
    throw error;
  }
  const reason = parseProblem(text, schema);
  if (reason.ok) return { kind: "ok", value: reason.value };
  const backup = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, "-")}`;
  await rename(file, backup);
  logger.log("error", "fs", `Unreadable file kept as ${backup}`, { file, reason: reason.message });
  return { kind: "corrupt", reason: reason.message, backup };
}

function parseProblem<S extends z.ZodType>(
  text: string,
  schema: S,
): { ok: true; value: z.output<S> } | { ok: false; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `not valid JSON (${(error as Error).message})` };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, message: parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ") };
}
