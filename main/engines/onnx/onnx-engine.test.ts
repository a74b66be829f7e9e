import { copyFile, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { AppError } from "../../../shared/errors";
import { EngineHost } from "../engine-host";
import { createNodeLauncher } from "../node-launcher";
import { BUILT_WORKER_DIR, memoryLogger } from "../testing/engine-test-support";
import type { OnnxMethods } from "./methods";
import { OnnxInspector } from "./onnx-inspector";

const SILERO = path.resolve("../shared/models/vad/silero_vad.onnx");

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (reason: unknown) => reason);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** The real ONNX engine process (out/main/engine-onnx.js) opening real and broken models. */
describe("ONNX engine", () => {
  const logger = memoryLogger();
  const engine = new EngineHost<OnnxMethods>({ engine: "onnx", launcher: createNodeLauncher(BUILT_WORKER_DIR, logger), logger });
  const inspector = new OnnxInspector(engine, 60_000);
  afterAll(() => inspector.stop());

  it("reads the signature of the real Silero VAD model", async () => {
    const [info] = await inspector.inspect([SILERO]);
    expect(info?.inputs).toEqual([
      { name: "input", type: "float32", shape: ["", ""] },
      { name: "state", type: "float32", shape: [2, "", 128] },
      { name: "sr", type: "int64", shape: [] },
    ]);
    expect(info?.outputs.map((output) => output.name)).toEqual(["output", "stateN"]);
  });

  it("refuses a file that is not ONNX, a truncated model and a missing file with MODEL_LOAD_FAILED", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "atelier-onnx-"));
    const fake = path.join(dir, "fake.onnx");
    await writeFile(fake, "this is not a model");
    const truncated = path.join(dir, "truncated.onnx");
    await writeFile(truncated, (await readFile(SILERO)).subarray(0, 4000));
    for (const file of [fake, truncated, path.join(dir, "missing.onnx")]) {
      const error = await failure(inspector.inspect([file]));
      expect(error.code).toBe("MODEL_LOAD_FAILED");
      expect(error.message).toContain(path.basename(file));
    }
    // A good file after bad ones still opens: the engine process stayed healthy.
    await copyFile(SILERO, path.join(dir, "ok.onnx"));
    expect((await inspector.inspect([path.join(dir, "ok.onnx")]))[0]?.inputs).toHaveLength(3);
  });

  it("refuses relative paths, and lists the CPU provider first", async () => {
    expect((await failure(inspector.inspect(["relative.onnx"]))).code).toBe("INVALID_INPUT");
    const providers = await inspector.providers();
    expect(providers[0]).toBe("cpu");
    expect(new Set(providers).size).toBe(providers.length);
  });
});
