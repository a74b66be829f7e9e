import { readdir } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { OnnxGraph } from "../../scripts/fixtures/onnx/onnx-graph";
import { sizedGgufHeader } from "../../scripts/fixtures/sized-gguf";
import { startTestHub, type RepoFileSpec, type TestHub } from "../../scripts/hub-server/test-hub";
import type { ModelFamily } from "../../shared/families";
import { listTree, openManager, stagedFiles, type ManagerHarness } from "./download-test-kit";

let hub: TestHub;
let harness: ManagerHarness;

beforeEach(async () => {
  hub = await startTestHub();
  harness = await openManager(hub.url);
});

afterEach(async () => {
  await harness.close();
  await hub.close();
});

function tinyOnnx(): Uint8Array {
  const graph = new OnnxGraph("identity");
  graph.output("output", "float32", [1, 4], graph.node("Identity", [graph.input("input", "float32", [1, 4])]));
  return graph.toBytes();
}

/** Serves the files as a repository and downloads all of them to the end. */
async function download(repo: string, files: RepoFileSpec[], family: ModelFamily = "llm") {
  await hub.createRepo(repo, { files });
  const started = await harness.start({ repo, revision: "main", family, files: files.map((file) => file.path) });
  return { started, done: await harness.settled(started.id) };
}

/** Nothing of the download is left: no model folder (whole or half), no staged or part file. */
async function expectNothingInstalled(): Promise<void> {
  expect(await readdir(path.join(harness.dataDir, "models"))).toEqual([]);
  expect(await stagedFiles(harness)).toEqual([]);
}

describe("downloads that are not models", () => {
  it("fails random bytes named .gguf with MODEL_INCOMPATIBLE, naming the file, and installs nothing", async () => {
    const { started, done } = await download("owner/fake-GGUF", [{ path: "model.Q4_0.gguf", size: 100_000, seed: 4 }]);
    expect(done).toMatchObject({
      state: "failed",
      error: {
        code: "MODEL_INCOMPATIBLE",
        message: expect.stringMatching(/^The downloaded file "model\.Q4_0\.gguf" is not a readable GGUF model \(Invalid GGUF magic\. .*\)\. Nothing was installed\.$/),
      },
    });
    // Its bytes were the hub's (the checksum passed), and they are gone: a retry fetches them again.
    expect(done).toMatchObject({ receivedBytes: 0, files: [{ path: "model.Q4_0.gguf", receivedBytes: 0, verified: false }] });
    await expectNothingInstalled();
    const states = harness.updates.filter((update) => update.id === started.id).map((update) => update.state);
    expect(states).not.toContain("completed");
    expect(states.at(-1)).toBe("failed");
  });

  it("fails a GGUF whose header promises weights the file does not hold", async () => {
    const { done } = await download("owner/cut-GGUF", [{ path: "cut.gguf", content: sizedGgufHeader(1_000_000) }]);
    expect(done.error).toEqual({
      code: "MODEL_INCOMPATIBLE",
      message: 'The downloaded file "cut.gguf" is incomplete (it ends before its weights do): download or copy it again. Nothing was installed.',
      details: { file: "cut.gguf" },
    });
    await expectNothingInstalled();
  });

  it("fails a projector beside a good GGUF when the projector is not GGUF", async () => {
    const { done } = await download("owner/vision-GGUF", [
      { path: "vision.Q4_0.gguf", size: 50_000, gguf: true },
      { path: "mmproj-vision.gguf", content: "not a projector at all" },
    ]);
    expect(done.error?.code).toBe("MODEL_INCOMPATIBLE");
    expect(done.error?.message).toMatch(/^The downloaded file "mmproj-vision\.gguf" is not a readable GGUF file \(/);
    await expectNothingInstalled();
  });

  it("fails an .onnx that is not ONNX, naming it, while the README beside it is never checked", async () => {
    const { done } = await download(
      "owner/fake-onnx",
      [{ path: "onnx/model.onnx", size: 40_000, seed: 9 }, { path: "README.md", content: "# not checked" }],
      "vad",
    );
    expect(done.error?.code).toBe("MODEL_INCOMPATIBLE");
    expect(done.error?.message).toMatch(/^The downloaded file "onnx\/model\.onnx" is not an ONNX model \(.+\)\. Nothing was installed\.$/);
    await expectNothingInstalled();
  });

  it("installs a real ONNX graph and a real GGUF header as before", async () => {
    const onnx = await download("owner/real-onnx", [{ path: "onnx/model.onnx", content: tinyOnnx() }, { path: "config.json", content: "{}" }], "vad");
    const gguf = await download("owner/real-GGUF", [{ path: "real.Q8_0.gguf", size: 20_000, gguf: true }]);
    expect([onnx.done.state, gguf.done.state]).toEqual(["completed", "completed"]);
    expect(await listTree(path.join(harness.dataDir, "models"))).toEqual(
      [
        path.join(onnx.started.modelId, "config.json"),
        path.join(onnx.started.modelId, "manifest.json"),
        path.join(onnx.started.modelId, "onnx", "model.onnx"),
        path.join(gguf.started.modelId, "manifest.json"),
        path.join(gguf.started.modelId, "real.Q8_0.gguf"),
      ].sort(),
    );
  });
});
