import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { imageJobResultSchema } from "../../shared/image";
import { parseImageParameters } from "../../shared/image-parameters";
import { readPngText } from "../../shared/png-text";
import type { Host } from "../host";
import { addModel, errorCodeOf, type EventLog, invoke, openTestHost, openTestHostWith, STORIES_GGUF } from "../host-test-kit";
import { installOnnxModel } from "../models/testing/install-onnx-model";

let dataDir: string;
let host: Host;
let log: EventLog;

beforeAll(async () => {
  const fixtures = inject("imageFixtures");
  ({ host, log, dataDir } = await openTestHostWith(async (dir) => {
    await installOnnxModel(dir, fixtures.sd15, { id: "tiny-sd", name: "Tiny SD", family: "image" });
    await installOnnxModel(dir, fixtures.upscaler2x, { id: "tiny-esrgan", name: "Tiny ESRGAN ×2", family: "upscale" });
    await addModel(dir, STORIES_GGUF);
  }));
});

afterAll(() => host.dispose());

const pngBytes = (dataUrl: string): Uint8Array => new Uint8Array(Buffer.from(dataUrl.slice(dataUrl.indexOf(",") + 1), "base64"));

describe("image studio through the router", () => {
  it("queues one job per image, reports steps with previews, and saves each to the library with its parameters", async () => {
    const request = { modelId: "tiny-sd", prompt: "a lighthouse, at dawn", negativePrompt: "fog", width: 64, height: 72, steps: 6, cfgScale: 6.5, sampler: "euler" as const, seed: 7, batchCount: 2 };
    const { jobIds } = await invoke(host, "image.generate", request);
    expect(jobIds).toHaveLength(2);
    const jobs = await Promise.all(jobIds.map((id) => log.finalJob(id)));
    expect(jobs.map((job) => [job.status, job.kind, job.engine, job.title])).toEqual([
      ["succeeded", "image.generate", "image", "Image 1/2 · a lighthouse, at dawn"],
      ["succeeded", "image.generate", "image", "Image 2/2 · a lighthouse, at dawn"],
    ]);
    const updates = log.of("job.updated").filter((job) => job.id === jobIds[0] && job.status === "running" && job.progress.step !== undefined);
    // Updates are throttled, so the last "running" one may be any step; the final state always has the last.
    expect(updates.length).toBeGreaterThan(0);
    expect(updates.every((job) => job.progress.total === 6)).toBe(true);
    expect(jobs[0]?.progress).toMatchObject({ step: 6, total: 6, fraction: 1 });
    expect(updates.some((job) => job.progress.preview?.startsWith("data:image/png;base64,"))).toBe(true);

    const result = imageJobResultSchema.parse(jobs[1]?.result);
    expect(result).toMatchObject({ width: 64, height: 72 });
    const item = await invoke(host, "library.get", { id: result.itemId });
    expect(item.parameters).toEqual({
      prompt: "a lighthouse, at dawn", negativePrompt: "fog", steps: 6, sampler: "euler", cfgScale: 6.5, seed: 8,
      width: 64, height: 72, modelId: "tiny-sd", modelName: "Tiny SD", mode: "txt2img",
    });
    const { dataUrl } = await invoke(host, "library.read", { id: item.id });
    const text = readPngText(pngBytes(dataUrl), "parameters");
    expect(text).toContain("Steps: 6, Sampler: Euler, CFG scale: 6.5, Seed: 8, Size: 64x72, Model: Tiny SD");
    expect(parseImageParameters(text ?? "")?.parameters).toEqual(item.parameters);
    const thumbnail = await invoke(host, "library.read", { id: item.id, variant: "thumbnail" });
    expect(thumbnail.dataUrl).toMatch(/^data:image\/webp;base64,/);
    expect(log.of("library.changed").filter((event) => event.item).length).toBeGreaterThanOrEqual(2);
  });

  it("lists newest first, paged; deletes all three files; reveals the path", async () => {
    const { items, total } = await invoke(host, "library.list", {});
    expect(total).toBe(2);
    expect(items[0]?.createdAt).toBeGreaterThanOrEqual(items[1]?.createdAt ?? Infinity);
    expect((await invoke(host, "library.list", { offset: 1, limit: 1 })).items).toEqual([items[1]]);
    const victim = items[1]?.id ?? "";
    const files = async () => (await readdir(path.join(dataDir, "library"))).filter((name) => name.startsWith(victim)).sort();
    expect(await files()).toEqual([`${victim}.json`, `${victim}.png`, `${victim}.thumb.webp`]);
    expect(await invoke(host, "library.reveal", { id: victim })).toEqual({ path: path.join(dataDir, "library", `${victim}.png`), revealed: false });
    expect(await invoke(host, "library.delete", { id: victim })).toEqual({ deleted: true });
    expect(await files()).toEqual([]);
    expect(log.of("library.changed")).toContainEqual({ deletedId: victim });
    expect(await errorCodeOf(invoke(host, "library.get", { id: victim }))).toBe("NOT_FOUND");
    expect((await invoke(host, "library.list", {})).total).toBe(1);
  });

  it("upscales a library image into a new item that keeps the source's settings", async () => {
    const source = (await invoke(host, "library.list", {})).items[0];
    const { jobId } = await invoke(host, "image.upscale", { itemId: source?.id ?? "", modelId: "tiny-esrgan", tileSize: 32, overlap: 4 });
    const job = await log.finalJob(jobId);
    expect(job).toMatchObject({ status: "succeeded", kind: "image.upscale", progress: { step: 9, total: 9 } });
    const item = await invoke(host, "library.get", { id: imageJobResultSchema.parse(job.result).itemId });
    expect(item).toMatchObject({ width: 128, height: 144, parameters: { ...source?.parameters, mode: "upscale", upscaleFactor: 2 } });
  });

  it("refuses models that are not image pipelines or upscalers", async () => {
    expect(await errorCodeOf(invoke(host, "image.generate", { modelId: "nope", prompt: "x" }))).toBe("NOT_FOUND");
    expect(await errorCodeOf(invoke(host, "image.generate", { modelId: "stories260k", prompt: "x" }))).toBe("MODEL_INCOMPATIBLE");
    expect(await errorCodeOf(invoke(host, "image.generate", { modelId: "tiny-esrgan", prompt: "x" }))).toBe("MODEL_INCOMPATIBLE");
    const item = (await invoke(host, "library.list", {})).items[0]?.id ?? "";
    expect(await errorCodeOf(invoke(host, "image.upscale", { itemId: item, modelId: "tiny-sd" }))).toBe("MODEL_INCOMPATIBLE");
    expect(await errorCodeOf(invoke(host, "image.upscale", { itemId: "img-missing", modelId: "tiny-esrgan" }))).toBe("NOT_FOUND");
  });

  it("keeps the library across restarts", async () => {
    const before = await invoke(host, "library.list", {});
    await host.dispose();
    host = await openTestHost(dataDir);
    expect(await invoke(host, "library.list", {})).toEqual(before);
    const sidecar = JSON.parse(await readFile(path.join(dataDir, "library", `${before.items[0]?.id}.json`), "utf8")) as unknown;
    expect(sidecar).toEqual(before.items[0]);
  });
});
