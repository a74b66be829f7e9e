import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { beforeEach, describe, expect, it } from "vitest";
import { appErrorOf } from "../host-test-kit";
import { silentLogger } from "../log/types";
import { UploadStore, UploadTooLarge, UPLOAD_TTL_MS } from "./upload-store";

let store: UploadStore;

beforeEach(async () => {
  store = new UploadStore(path.join(await mkdtemp(path.join(tmpdir(), "atelier-uploads-")), "uploads"), silentLogger, 1000);
  await store.open();
});

function chunks(...sizes: number[]): Readable {
  return Readable.from(sizes.map((size) => randomBytes(size)));
}

describe("UploadStore", () => {
  it("keeps a streamed body with its content type, under an id it then resolves and removes", async () => {
    const id = await store.receive(chunks(400, 600), "video/webm");
    expect(await store.get(id)).toEqual({ path: path.join(store.dir, id), contentType: "video/webm", sizeBytes: 1000 });
    await store.remove(id);
    expect((await appErrorOf(store.get(id))).code).toBe("NOT_FOUND");
    expect(await readdir(store.dir)).toEqual([]);
  });

  it("refuses a body past the limit as it streams, keeping nothing", async () => {
    await expect(store.receive(chunks(600, 600), "video/mp4")).rejects.toBeInstanceOf(UploadTooLarge);
    expect(await readdir(store.dir)).toEqual([]);
  });

  it("refuses ids it did not hand out, paths above all", async () => {
    for (const id of ["../settings.json", "ABCDEF0123456789abcdef0123456789", ""]) {
      expect((await appErrorOf(store.get(id))).code).toBe("INVALID_INPUT");
    }
  });

  it("sweeps uploads older than an hour, and opening removes all", async () => {
    const id = await store.receive(chunks(10), "video/mp4");
    await store.sweep(UPLOAD_TTL_MS, Date.now());
    expect(await readdir(store.dir)).toHaveLength(2);
    await store.sweep(UPLOAD_TTL_MS, Date.now() + UPLOAD_TTL_MS + 1_000);
    expect(await readdir(store.dir)).toEqual([]);
    await store.receive(chunks(10), "video/mp4");
    await writeFile(path.join(store.dir, "stray"), "x");
    await store.open();
    expect(await readdir(store.dir)).toEqual([]);
    expect(id).toMatch(/^[a-f0-9]{32}$/);
  });
});
