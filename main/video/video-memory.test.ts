import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Host } from "../host";
import { type EventLog, invoke, openTestHostWith } from "../host-test-kit";
import { clipOf, installVideoModels, QUICK_CLIP } from "./testing/video-test-kit";

let host: Host;
let log: EventLog;

beforeAll(async () => {
  ({ host, log } = await openTestHostWith((dir) => installVideoModels(dir, ["tiny-motion", "tiny-sd"])));
});

afterAll(() => host.dispose());

const loadedIn = async (engine: string) => (await invoke(host, "engines.status", {})).find((status) => status.engine === engine)?.loaded.map((model) => model.modelId) ?? [];

describe("video jobs and the memory budget", () => {
  it("unloads an idle image model from the image engine to make room for a motion model", async () => {
    const { jobIds } = await invoke(host, "image.generate", { modelId: "tiny-sd", prompt: "a barn", width: 64, height: 64, steps: 1, seed: 1 });
    expect((await log.finalJob(jobIds[0] ?? "")).status).toBe("succeeded");
    expect(await loadedIn("image")).toEqual(["tiny-sd"]);

    // A budget far below both models: room for the motion model means the image model goes.
    await invoke(host, "settings.update", { engines: { ramBudgetMiB: 1 } });
    await clipOf(log, invoke(host, "video.generate", QUICK_CLIP));
    expect(await loadedIn("image")).toEqual([]);
  });
});
