import { open, rm, truncate } from "node:fs/promises";
import path from "node:path";

const FILLER = "filler.bin";
const CHUNK = Buffer.alloc(64 * 1024, 1);

/** Fills the disk holding `dir` with one file, then gives back about `leaveBytes`. */
export async function fillDisk(dir: string, leaveBytes = 0): Promise<void> {
  const file = path.join(dir, FILLER);
  const handle = await open(file, "a");
  let size = (await handle.stat()).size;
  try {
    for (;;) {
      const { bytesWritten } = await handle.write(CHUNK);
      size += bytesWritten;
      if (bytesWritten < CHUNK.byteLength) break;
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOSPC") throw error;
  } finally {
    await handle.close();
  }
  if (leaveBytes > 0) await truncate(file, Math.max(0, size - leaveBytes));
}

/** Frees what fillDisk took. */
export async function emptyDisk(dir: string): Promise<void> {
  await rm(path.join(dir, FILLER), { force: true });
}
