import { mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { silentLogger } from "../log/types";
import { JsonFolder } from "./json-folder";

const schema = z.object({ id: z.string(), title: z.string() });
type Item = z.infer<typeof schema>;
let dir: string;

beforeEach(async () => {
  dir = path.join(await mkdtemp(path.join(tmpdir(), "atelier-folder-")), "items");
});

const folder = (): JsonFolder<Item> => new JsonFolder(dir, schema, silentLogger);

describe("a folder of JSON sidecars", () => {
  it("creates the folder, saves, finds and lists items, and a fresh instance reads them back", async () => {
    const first = folder();
    expect(await first.values()).toEqual([]);
    await first.save({ id: "a", title: "A" });
    await first.save({ id: "b", title: "B" });
    expect(await first.find("a")).toEqual({ id: "a", title: "A" });
    expect(await first.find("missing")).toBeUndefined();
    expect((await readdir(dir)).sort()).toEqual(["a.json", "b.json"]);
    expect((await folder().values()).map((item) => item.id).sort()).toEqual(["a", "b"]);
  });

  it("skips other files, a sidecar named for another id, and moves an invalid one aside", async () => {
    await folder().open();
    await writeFile(path.join(dir, "a.png"), "not a sidecar");
    await writeFile(path.join(dir, "renamed.json"), JSON.stringify({ id: "other", title: "X" }));
    await writeFile(path.join(dir, "broken.json"), JSON.stringify({ id: "broken" }));
    await writeFile(path.join(dir, "good.json"), JSON.stringify({ id: "good", title: "Good" }));
    expect(await folder().values()).toEqual([{ id: "good", title: "Good" }]);
    expect((await readdir(dir)).some((name) => name.startsWith("broken.json.corrupt-"))).toBe(true);
  });

  it("removes a sidecar, so the item is no longer listed now or after a restart", async () => {
    const items = folder();
    await items.save({ id: "a", title: "A" });
    await items.remove("a");
    expect(await items.find("a")).toBeUndefined();
    expect(await folder().values()).toEqual([]);
    expect(await readdir(dir)).toEqual([]);
  });

  it("refuses an id that would leave the folder", async () => {
    await expect(folder().save({ id: "../escape", title: "E" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });
});
