import { describe, expect, it } from "vitest";
import type { LibraryItem } from "../../../shared/image";
import { hostConnections } from "../test-support/host-connections";
import { createAppStore } from "./app-state";
import { bindHostEvents } from "./host-events";

function item(id: string, createdAt: number): LibraryItem {
  return { id, kind: "image", file: `${id}.png`, width: 64, height: 64, sizeBytes: 10, createdAt, parameters: null };
}
const ids = (items: LibraryItem[]) => items.map((i) => i.id);

const connect = hostConnections();

describe("gallery slice", () => {
  it("starts over with page 0, appends later pages without duplicates, and keeps newest first", () => {
    const store = createAppStore();
    expect(store.getState().galleryKnown).toBe(false);
    store.getState().putGalleryPage([item("c", 3), item("b", 2)], 3, 0);
    store.getState().putGalleryPage([item("b", 2), item("a", 1)], 3, 1);
    expect(ids(store.getState().galleryItems)).toEqual(["c", "b", "a"]);
    store.getState().putGalleryPage([item("d", 4)], 1, 0);
    expect(ids(store.getState().galleryItems)).toEqual(["d"]);
    expect(store.getState().galleryTotal).toBe(1);
  });

  it("follows library.changed: new items on top, updates in place, deletions counted once", async () => {
    const { host, api } = await connect({ "jobs.list": () => [] });
    const store = createAppStore();
    store.getState().putGalleryPage([item("a", 1)], 1, 0);
    const unbind = bindHostEvents(api, store);
    await api.jobs.list({});

    host.emit("library.changed", { item: item("b", 2) });
    host.emit("library.changed", { item: { ...item("b", 2), width: 128 } });
    await expect.poll(() => store.getState().galleryItems[0]?.width).toBe(128);
    expect(ids(store.getState().galleryItems)).toEqual(["b", "a"]);
    expect(store.getState().galleryTotal).toBe(2);

    store.getState().removeGalleryItem("a");
    host.emit("library.changed", { deletedId: "a" });
    host.emit("library.changed", { item: item("c", 3) });
    await expect.poll(() => ids(store.getState().galleryItems)).toEqual(["c", "b"]);
    expect(store.getState().galleryTotal).toBe(2);
    unbind();
  });
});
