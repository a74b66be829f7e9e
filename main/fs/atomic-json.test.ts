import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { silentLogger } from "../log/types";
import { readJsonFile, writeJsonAtomic } from "./atomic-json";

const schema = z.object({ name: z.string(), count: z.number() });
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "atelier-json-"));
});

describe("atomic JSON files", () => {
  it("writes and reads back a valid document, leaving no temp files", async () => {
    const file = path.join(dir, "doc.json");
    await writeJsonAtomic(file, { name: "a", count: 1 });
    await writeJsonAtomic(file, { name: "b", count: 2 });
    expect(await readJsonFile(file, schema, silentLogger)).toEqual({ kind: "ok", value: { name: "b", count: 2 } });
    expect(await readdir(dir)).toEqual(["doc.json"]);
  });

  it("reports a missing file as missing", async () => {
    expect(await readJsonFile(path.join(dir, "none.json"), schema, silentLogger)).toEqual({ kind: "missing" });
  });

  it.each([
    ["broken JSON", "{ not json", /not valid JSON/],
    ["a schema mismatch", JSON.stringify({ name: 3, count: 1 }), /name/],
  ])("moves a file with %s aside and says why", async (_label, text, reason) => {
    const file = path.join(dir, "doc.json");
    await writeFile(file, text);
    const read = await readJsonFile(file, schema, silentLogger);
    expect(read.kind).toBe("corrupt");
    if (read.kind !== "corrupt") return;
    expect(read.reason).toMatch(reason);
    expect(path.basename(read.backup)).toMatch(/^doc\.json\.corrupt-/);
    expect(await readFile(read.backup, "utf8")).toBe(text);
    expect(await readdir(dir)).toEqual([path.basename(read.backup)]);
  });
});
