import { describe, expect, it } from "vitest";
import type { OnnxValueInfo } from "../engines/onnx/methods";
import { guessOnnxFamily, type OnnxLayoutFile } from "./onnx-family";

const value = (name: string, shape: (number | string)[] = [], type = "float32"): OnnxValueInfo => ({ name, type, shape });
const graph = (relativePath: string, inputs: OnnxValueInfo[], outputs: OnnxValueInfo[] = [value("output")]): OnnxLayoutFile => ({
  relativePath,
  info: { inputs, outputs },
});

describe("guessing an ONNX folder's family from real export layouts", () => {
  it("knows diffusers/Optimum, Whisper, Piper, Kokoro, Silero, RIFE and Real-ESRGAN", () => {
    const unet = graph("unet/model.onnx", [value("sample"), value("timestep"), value("encoder_hidden_states")]);
    expect(guessOnnxFamily(["model_index.json", "unet/model.onnx"], [unet])).toBe("image");

    const whisper = [graph("onnx/encoder_model.onnx", [value("input_features")]), graph("onnx/decoder_model_merged.onnx", [value("input_ids")])];
    expect(guessOnnxFamily(["config.json", "onnx/encoder_model.onnx", "onnx/decoder_model_merged.onnx"], whisper)).toBe("stt");

    const piper = graph("en_US-lessac-medium.onnx", [value("input"), value("input_lengths"), value("scales")]);
    expect(guessOnnxFamily(["en_US-lessac-medium.onnx", "en_US-lessac-medium.onnx.json"], [piper])).toBe("tts");

    const kokoro = graph("onnx/model.onnx", [value("input_ids", [1, "sequence"], "int64"), value("style", [1, 256]), value("speed", [1])]);
    expect(guessOnnxFamily(["onnx/model.onnx", "voices/af_heart.bin"], [kokoro])).toBe("tts");

    const silero = graph("silero_vad.onnx", [value("input", ["", ""]), value("state", [2, "", 128]), value("sr", [], "int64")]);
    expect(guessOnnxFamily(["silero_vad.onnx"], [silero])).toBe("vad");

    const rife = graph("rife49.onnx", [value("img0", [1, 3, "h", "w"]), value("img1", [1, 3, "h", "w"]), value("timestep", [1, 1, "h", "w"])]);
    expect(guessOnnxFamily(["rife49.onnx"], [rife])).toBe("video");

    const esrgan = graph("Real-ESRGAN-x4plus.onnx", [value("image", [1, 3, 128, 128])], [value("upscaled_image", [1, 3, 512, 512])]);
    expect(guessOnnxFamily(["Real-ESRGAN-x4plus.onnx"], [esrgan])).toBe("upscale");
  });

  it("knows an AnimateDiff-class motion pipeline (Locomotion layout) by its UNet's 5-D latents", () => {
    const unet = graph("unet/model.onnx", [value("sample", [1, 4, 16, "h", "w"]), value("timestep", [1]), value("encoder_hidden_states", [16, "tokens", 768])]);
    const files = ["amuse_template.json", "tokenizer/vocab.json", "text_encoder/model.onnx", "unet/model.onnx", "unet/model.onnx.data", "vae_decoder/model.onnx"];
    const textEncoder = graph("text_encoder/model.onnx", [value("input_ids", [1, 77], "int32")]);
    const rifeInside = graph("flow_estimation/model.onnx", [value("img0", [1, 3, "h", "w"]), value("img1", [1, 3, "h", "w"])]);
    expect(guessOnnxFamily(files, [textEncoder, unet, rifeInside])).toBe("video");
    const imageUnet = graph("unet/model.onnx", [value("sample", [2, 4, 64, 64]), value("timestep", [1]), value("encoder_hidden_states", [2, 77, 768])]);
    expect(guessOnnxFamily(["model_index.json", "unet/model.onnx"], [imageUnet])).toBe("image");
  });

  it("does not guess when the layout says nothing", () => {
    const classifier = graph("model.onnx", [value("pixel_values", [1, 3, 224, 224])], [value("logits", [1, 1000])]);
    expect(guessOnnxFamily(["model.onnx"], [classifier])).toBeUndefined();
    const two = [graph("a.onnx", [value("x")]), graph("b.onnx", [value("y")])];
    expect(guessOnnxFamily(["a.onnx", "b.onnx"], two)).toBeUndefined();
  });
});
