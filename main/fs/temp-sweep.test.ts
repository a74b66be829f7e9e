import { mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openTestHost, tempDataDir } from "../host-test-kit";
import { silentLogger } from "../log/types";
import { TEMP_MARKER } from "./durable-write";
import { sweepTempFiles } from "./temp-sweep";

/** Temp files as crashed saves leave them: ours and the older write-file-atomic names. */
async function litter(dataDir: string, count: number): Promise<void> {
  await mkdir(path.join(dataDir, "library", "images"), { recursive: true });
  await mkdir(path.join(dataDir, "chats"), { recursive: true });
  for (let i = 0; i < count; i++) {
    const folder = ["", "chats", "library/images"][i % 3] ?? "";
    const name = i % 2 === 0 ? `c-${i}.json${TEMP_MARKER}${i.toString(16)}ab` : `jobs.json.${2157854665 + i}`;
    await writeFile(path.join(dataDir, folder, name), "partial");
  }
}

describe("temp files of interrupted saves", () => {
  it("are removed, and nothing else is", async () => {
    const dataDir = await tempDataDir();
    await litter(dataDir, 12);
    const keep = ["settings.json", "chats/c-1.json", "library/images/a.png", "model.onnx.1"];
    for (const file of keep) await writeFile(path.join(dataDir, file), "kept");
    expect(await sweepTempFiles(dataDir, silentLogger)).toBe(12);
    const left = (await readdir(dataDir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
    expect(left.map((entry) => path.relative(dataDir, path.join(entry.parentPath, entry.name))).sort()).toEqual([...keep].sort());
  });

  it("are gone once a host has started on the data dir", async () => {
    const dataDir = await tempDataDir();
    await litter(dataDir, 111);
    const host = await openTestHost(dataDir);
    await host.dispose();
    const names = await readdir(dataDir, { recursive: true });
    expect(names.filter((name) => name.includes(TEMP_MARKER) || /\.json\.\d+$/.test(name))).toEqual([]);
  });
});
