import { describe, expect, it } from "vitest";
import type { ClipItem } from "../../../shared/video";
import { job } from "../test-support/fixtures";
import { hostConnections } from "../test-support/host-connections";
import { panelVideoJobs } from "../panels/video/video-jobs";
import { waitForJob } from "../panels/video/wait-for-job";
import { createAppStore } from "./app-state";
import { bindHostEvents } from "./host-events";

function clip(id: string, createdAt: number): ClipItem {
  return { id, kind: "clip", name: id, mode: "import", frameCount: 2, width: 64, height: 64, fps: 8, durationSeconds: 0.25, sizeBytes: 10, createdAt, parameters: null, exports: [] };
}

const connect = hostConnections();

describe("video slices", () => {
  it("keeps clips newest first across pages, updates and deletions, and drops a deleted clip from the player", () => {
    const store = createAppStore();
    const state = store.getState;
    state().putClipPage([clip("b", 2), clip("a", 1)], 3, 0);
    state().putClipPage([clip("old", 0)], 3, 2);
    expect(state().clipItems.map((item) => item.id)).toEqual(["b", "a", "old"]);
    state().putClip(clip("c", 3));
    state().putClip({ ...clip("a", 1), name: "renamed" });
    expect(state().clipTotal).toBe(4);
    expect(state().clipItems.find((item) => item.id === "a")?.name).toBe("renamed");
    state().selectClip("b");
    state().removeClip("b");
    expect(state().selectedClipId).toBeNull();
    expect(state().clipTotal).toBe(3);
    expect(state().clipsKnown).toBe(true);
  });

  it("hands out a job's follow-up once", () => {
    const store = createAppStore();
    store.getState().followVideoJob("j1", { interpolate: 2 });
    expect(store.getState().takeVideoFollowUp("j1")).toEqual({ interpolate: 2 });
    expect(store.getState().takeVideoFollowUp("j1")).toBeUndefined();
  });

  it("puts clips from clip.changed events into the gallery and takes deleted ones out", async () => {
    const { host, api } = await connect({ "jobs.list": () => [] });
    const store = createAppStore();
    bindHostEvents(api, store);
    // An answered request means the socket is open, so the events below reach the client.
    await api.jobs.list({});
    host.emit("clip.changed", { item: clip("x", 5) });
    await expect.poll(() => store.getState().clipItems.map((item) => item.id)).toEqual(["x"]);
    host.emit("clip.changed", { deletedId: "x" });
    await expect.poll(() => store.getState().clipItems).toEqual([]);
  });

  it("waits for a job to finish, asking the host in case its last event was missed", async () => {
    const { api } = await connect({ "jobs.list": () => [{ ...job("done", "succeeded", 1), kind: "video.export", engine: "video" }] });
    const store = createAppStore();
    await expect(waitForJob(store, api, "done")).resolves.toMatchObject({ id: "done", status: "succeeded" });
    const { api: quiet } = await connect({ "jobs.list": () => [] });
    const waiting = waitForJob(store, quiet, "later");
    store.getState().putJob({ ...job("later", "running", 0.5), kind: "video.export" });
    store.getState().putJob({ ...job("later", "failed", 0.5), kind: "video.export" });
    await expect(waiting).resolves.toMatchObject({ status: "failed" });
  });

  it("lists the panel's video jobs: active ones oldest first, then the latest finished", () => {
    const at = (id: string, status: "queued" | "running" | "succeeded", kind: string, createdAt: number) => ({ ...job(id, status), kind, createdAt, finishedAt: createdAt });
    const jobs = Object.fromEntries(
      [
        at("chat", "running", "chat.generate", 1),
        at("second", "queued", "video.generate", 3),
        at("first", "running", "video.animate", 2),
        at("done", "succeeded", "video.export", 4),
      ].map((entry) => [entry.id, entry]),
    );
    expect(panelVideoJobs(jobs).map((entry) => entry.id)).toEqual(["first", "second", "done"]);
  });
});
