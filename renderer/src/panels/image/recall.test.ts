import sharp from "sharp";
import { describe, expect, it } from "vitest";
import type { ImageParameters } from "../../../../shared/image";
import { formatImageParameters, PARAMETERS_KEYWORD } from "../../../../shared/image-parameters";
import type { ModelInfo } from "../../../../shared/models";
import { withPngText } from "../../../../shared/png-text";
import { readDroppedParameters } from "./dropped-png";
import { DEFAULT_IMAGE_FORM, parseImageForm } from "./image-form";
import { recallIntoForm, recallNotice, settingsFromParameters } from "./recall";

const tinySd: ModelInfo = { id: "tiny-sd", name: "Tiny SD", family: "image", format: "onnx", path: "/m/tiny-sd", sizeBytes: 1 };
const llm: ModelInfo = { id: "stories", name: "stories", family: "llm", format: "gguf", path: "/m/s.gguf", sizeBytes: 1 };
const parameters: ImageParameters = {
  prompt: "a lighthouse at dusk, oil painting",
  negativePrompt: "blurry",
  steps: 12,
  sampler: "dpmpp_2m_karras",
  cfgScale: 5.5,
  seed: 123456789,
  width: 640,
  height: 384,
  modelId: "tiny-sd",
  modelName: "Tiny SD",
  mode: "txt2img",
};

async function pngWith(text: string | null): Promise<Uint8Array> {
  const png = new Uint8Array(await sharp(Buffer.alloc(4 * 4 * 3, 90), { raw: { width: 4, height: 4, channels: 3 } }).png().toBuffer());
  return text === null ? png : withPngText(png, PARAMETERS_KEYWORD, text);
}

describe("form ↔ parameters", () => {
  it("recalls an image's settings into the form, and the form asks for that image again", () => {
    const { values, missingModel } = recallIntoForm(DEFAULT_IMAGE_FORM, settingsFromParameters(parameters), [llm, tinySd]);
    expect(missingModel).toBeNull();
    expect(values).toMatchObject({ prompt: parameters.prompt, seed: "123456789", width: "640", height: "384", customSize: true });
    const parsed = parseImageForm(values, { initImage: null, mask: null });
    expect(parsed.ok && parsed.request).toMatchObject({
      modelId: "tiny-sd",
      prompt: parameters.prompt,
      negativePrompt: "blurry",
      steps: 12,
      sampler: "dpmpp_2m_karras",
      cfgScale: 5.5,
      seed: 123456789,
      width: 640,
      height: 384,
    });
  });

  it("picks a preset when the size is one, finds the model by name, and keeps the model when it is missing", () => {
    const byName = recallIntoForm(DEFAULT_IMAGE_FORM, { ...settingsFromParameters(parameters), modelId: "", width: 768, height: 512 }, [tinySd]);
    expect(byName.values).toMatchObject({ modelId: "tiny-sd", customSize: false });
    const current = { ...DEFAULT_IMAGE_FORM, modelId: "tiny-sd" };
    const missing = recallIntoForm(current, { prompt: "x", modelId: "sd15", modelName: "SD 1.5" }, [tinySd]);
    expect(missing.missingModel).toBe("SD 1.5");
    expect(missing.values).toMatchObject({ modelId: "tiny-sd", steps: "20", prompt: "x", negativePrompt: "" });
    expect(recallNotice("“a.png”", "SD 1.5")).toBe("Settings recalled from “a.png”. Its model “SD 1.5” is not installed, so the model was not changed.");
  });

  it("reads a dropped PNG's parameters chunk back into the same settings; other PNGs and files have none", async () => {
    const dropped = readDroppedParameters(await pngWith(formatImageParameters(parameters)));
    expect(dropped?.parameters).toEqual(parameters);
    expect(readDroppedParameters(await pngWith(null))).toBeNull();
    expect(readDroppedParameters(await pngWith("just a comment"))).toBeNull();
    expect(readDroppedParameters(new TextEncoder().encode("not a png at all"))).toBeNull();
  });
});
