import { readFile } from "node:fs/promises";
import path from "node:path";
import type { ResponseOf } from "../../shared/contract";
import { AppError } from "../../shared/errors";

/** `resources/THIRD_PARTY_NOTICES.md` next to the build output (`out/main` → the app root, inside app.asar when packaged). */
export function defaultNoticesFile(workerDir: string): string {
  return path.resolve(workerDir, "..", "..", "resources", "THIRD_PARTY_NOTICES.md");
}

/** Settings → About: the app's version and the third-party notices, read when asked for (they are ~0.4 MB). */
export function aboutHandlers(version: string, noticesFile: string) {
  return {
    "app.about": async (): Promise<ResponseOf<"app.about">> => ({ version, notices: await readNotices(noticesFile) }),
  };
}

async function readNotices(file: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") {
      throw new AppError("NOT_FOUND", `The third-party notices are missing from this installation (${file}); run \`npm run notices\` to write them.`);
    }
    throw error;
  }
}
