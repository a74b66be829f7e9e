import { copyFile, mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { findVoiceLayout, kokoroVoiceNames } from "./voice-layout";

const fixtures = inject("speechFixtures");

describe("findVoiceLayout", () => {
  it("finds a Piper voice nested as in rhasspy/piper-voices, or given as its .onnx file", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "atelier-layout-"));
    const nested = path.join(root, "en", "en_US", "tiny", "medium");
    await mkdir(nested, { recursive: true });
    await copyFile(fixtures.piperVoice.onnx, path.join(nested, "en_US-tiny-medium.onnx"));
    await copyFile(fixtures.piperVoice.json, path.join(nested, "en_US-tiny-medium.onnx.json"));
    await writeFile(path.join(root, "MODEL_CARD"), "card");
    expect(await findVoiceLayout(root)).toEqual({
      kind: "piper",
      onnx: path.join(nested, "en_US-tiny-medium.onnx"),
      json: path.join(nested, "en_US-tiny-medium.onnx.json"),
    });
    expect(await findVoiceLayout(fixtures.piperVoice.onnx)).toEqual({ kind: "piper", onnx: fixtures.piperVoice.onnx, json: fixtures.piperVoice.json });
  });

  it("finds a Kokoro export, preferring the full-precision model, and names its voices", async () => {
    const layout = await findVoiceLayout(fixtures.kokoro);
    expect(layout).toEqual({
      kind: "kokoro",
      onnx: path.join(fixtures.kokoro, "onnx", "model.onnx"),
      voicesDir: path.join(fixtures.kokoro, "voices"),
      folder: fixtures.kokoro,
    });
    expect(await kokoroVoiceNames(path.join(fixtures.kokoro, "voices"))).toEqual(["af_heart", "am_adam"]);

    const quantizedOnly = await mkdtemp(path.join(tmpdir(), "atelier-kokoro-"));
    await mkdir(path.join(quantizedOnly, "onnx"));
    await mkdir(path.join(quantizedOnly, "voices"));
    await copyFile(path.join(fixtures.kokoro, "onnx", "model.onnx"), path.join(quantizedOnly, "onnx", "model_q8f16.onnx"));
    await copyFile(path.join(fixtures.kokoro, "voices", "af_heart.bin"), path.join(quantizedOnly, "voices", "af_heart.bin"));
    expect(await findVoiceLayout(quantizedOnly)).toMatchObject({ kind: "kokoro", onnx: path.join(quantizedOnly, "onnx", "model_q8f16.onnx") });
  });

  it("refuses a folder or file that holds no voice with MODEL_INCOMPATIBLE", async () => {
    const empty = await mkdtemp(path.join(tmpdir(), "atelier-layout-"));
    await writeFile(path.join(empty, "lonely.onnx"), "not a voice");
    await expect(findVoiceLayout(empty)).rejects.toMatchObject({ code: "MODEL_INCOMPATIBLE" });
    await expect(findVoiceLayout(path.join(empty, "lonely.onnx"))).rejects.toMatchObject({ code: "MODEL_INCOMPATIBLE" });
    await expect(findVoiceLayout(path.join(empty, "missing"))).rejects.toMatchObject({ code: "MODEL_INCOMPATIBLE" });
  });
});
