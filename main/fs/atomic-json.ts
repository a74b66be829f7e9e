import { readFile, rename } from "node:fs/promises";
import type { z } from "zod";
import type { Logger } from "../log/types";
import { writeFileDurably } from "./durable-write";

/** Writes JSON durably (see writeFileDurably): whole on disk when it resolves, the old file untouched when it throws. */
export async function writeJsonAtomic(file: string, value: unknown): Promise<void> {
  await writeFileDurably(file, JSON.stringify(value, null, 2) + "\n");
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
