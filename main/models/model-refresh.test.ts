import { execFileSync } from "node:child_process";
import { constants } from "node:fs";
import { copyFile, mkdir, open, rm, writeFile, type FileHandle } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { STORIES_GGUF } from "../host-test-kit";
import { openModelFolder } from "./model-test-kit";

/** Opens a FIFO's write end once a reader holds it (before that, a non-blocking open fails with ENXIO). */
async function writerOnceRead(fifo: string): Promise<FileHandle> {
  for (let attempt = 0; attempt < 500; attempt++) {
    const handle = await open(fifo, constants.O_WRONLY | constants.O_NONBLOCK).catch(() => undefined);
    if (handle) return handle;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error("the scan never opened the FIFO");
}

describe("ModelService.refresh", () => {
  it("sees a model installed while a scan was already running (it does not reuse that scan)", async () => {
    const rig = await openModelFolder("atelier-refresh-");
    // A manifest that is a FIFO holds the first scan after it listed the folder, until written to.
    const blocker = path.join(rig.modelsDir, "blocker");
    await mkdir(blocker);
    const fifo = path.join(blocker, "manifest.json");
    execFileSync("mkfifo", [fifo]);
    const service = rig.service();
    const firstScan = service.list();
    const writer = await writerOnceRead(fifo);

    await copyFile(STORIES_GGUF, path.join(rig.modelsDir, "stories260K.gguf"));
    const refreshed = service.refresh();
    // Let the first scan finish; the next one reads a plain file instead of the FIFO.
    await rm(fifo);
    await writeFile(fifo, "not a manifest");
    await writer.write("not a manifest either");
    await writer.close();

    expect((await firstScan).map((model) => model.id)).toEqual([]);
    expect((await refreshed).map((model) => model.id)).toEqual(["stories260k"]);
    expect((await service.list()).map((model) => model.id)).toEqual(["stories260k"]);
  });
});
