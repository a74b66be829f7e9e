/**
 * Run by data-dir-check.test.ts in a private mount namespace where argv[2] is a read-only
 * bind mount: starts a real host there and prints how the start failed, as one JSON line.
 */
import path from "node:path";
import { AppError } from "../../../shared/errors";
import { openTestHost } from "../../host-test-kit";

const [readOnlyDir = ""] = process.argv.slice(2);

async function attempt(dataDir: string): Promise<{ code: string; message: string }> {
  try {
    const host = await openTestHost(dataDir);
    await host.dispose();
    return { code: "started", message: "" };
  } catch (error) {
    return error instanceof AppError ? { code: error.code, message: error.message } : { code: "not an AppError", message: String(error) };
  }
}

async function main(): Promise<void> {
  const existing = await attempt(readOnlyDir);
  const missing = await attempt(path.join(readOnlyDir, "new-data"));
  process.stdout.write(`${JSON.stringify({ existing, missing })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
