import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { LoadedModel } from "../../shared/models";
import type { Host } from "../host";
import { addModel, type EventLog, invoke, openTestHostWith, STORIES_GGUF } from "../host-test-kit";
import { installOnnxModel } from "./testing/install-onnx-model";

/** One RAM budget over every engine process: the LLM engine and the image engine, each with its own cache. */

let host: Host;
let log: EventLog;
let llmId: string;

beforeAll(async () => {
  const fixtures = inject("imageFixtures");
  ({ host, log } = await openTestHostWith(async (dir) => {
    await installOnnxModel(dir, fixtures.sd15, { id: "tiny-sd", name: "Tiny SD", family: "image" });
    await addModel(dir, STORIES_GGUF);
  }));
  const llm = (await invoke(host, "models.list", {})).find((model) => model.family === "llm");
  llmId = llm?.id ?? "";
});
afterAll(() => host.dispose());

const loaded = async (): Promise<Pick<LoadedModel, "engine" | "modelId" | "inUse">[]> =>
  (await invoke(host, "engines.status", {})).flatMap((status) => status.loaded.map(({ engine, modelId, inUse }) => ({ engine, modelId, inUse })));

async function generate(steps = 2, size = 64): Promise<string> {
  const { jobIds } = await invoke(host, "image.generate", { modelId: "tiny-sd", prompt: "a boat", width: size, height: size, steps, seed: 1 });
  return jobIds[0] ?? "";
}

async function setBudgetMiB(ramBudgetMiB: number): Promise<void> {
  await invoke(host, "settings.update", { engines: { ramBudgetMiB } });
}

describe("the memory budget across engines", () => {
  it("keeps models of several engines loaded while they fit", async () => {
    await setBudgetMiB(0);
    await invoke(host, "models.load", { id: llmId, force: false });
    expect((await log.finalJob(await generate())).status).toBe("succeeded");
    expect(await loaded()).toEqual([
      { engine: "llm", modelId: llmId, inUse: false },
      { engine: "image", modelId: "tiny-sd", inUse: false },
    ]);
  });

  it("unloads the least recently used idle model of another engine when the next one would not fit", async () => {
    // Each model alone is larger than 1 MiB ("Load anyway" for the LLM): only one can stay.
    await setBudgetMiB(1);
    expect((await log.finalJob(await generate())).status).toBe("succeeded");
    expect(await loaded()).toEqual([{ engine: "image", modelId: "tiny-sd", inUse: false }]);
    await invoke(host, "models.load", { id: llmId, force: true });
    expect(await loaded()).toEqual([{ engine: "llm", modelId: llmId, inUse: false }]);
  });

  it("never unloads a model that is running a job", async () => {
    await setBudgetMiB(1);
    // Long enough to be still running while the LLM loads (it is cancelled right after).
    const jobId = await generate(150, 512);
    await log.waitFor("job.updated", (job) => job.id === jobId && job.status === "running" && (job.progress.step ?? 0) >= 1);
    await invoke(host, "models.load", { id: llmId, force: true });
    const whileRunning = await loaded();
    const job = await invoke(host, "jobs.cancel", { id: jobId });
    await log.finalJob(jobId);
    expect(job.status).toBe("running");
    expect(whileRunning).toEqual(
      expect.arrayContaining([
        { engine: "llm", modelId: llmId, inUse: false },
        { engine: "image", modelId: "tiny-sd", inUse: true },
      ]),
    );
  });
});
