import { describe, expect, it } from "vitest";
import { invokeContract } from "../../../../../shared/contract";
import { EMPTY_IMPORT, parseFamily, parseImportForm } from "./import-form";

describe("import form", () => {
  it("builds a request the contract accepts, leaving out what was not given", () => {
    const result = parseImportForm({ ...EMPTY_IMPORT, path: "  /home/me/model.gguf ", mode: "link" });
    expect(result).toEqual({ ok: true, request: { path: "/home/me/model.gguf", mode: "link" } });
    if (result.ok) expect(invokeContract["models.import"].request.safeParse(result.request).success).toBe(true);
    expect(parseImportForm({ path: "/m", mode: "copy", family: "stt", name: " Whisper " })).toEqual({
      ok: true,
      request: { path: "/m", mode: "copy", family: "stt", name: "Whisper" },
    });
  });

  it("says what is missing or wrong, per field", () => {
    expect(parseImportForm({ ...EMPTY_IMPORT, path: "   ", name: "x".repeat(201) })).toEqual({
      ok: false,
      errors: {
        path: "Enter the full path of a .gguf file or an ONNX model folder.",
        name: "A name can be at most 200 characters.",
      },
    });
  });

  it("accepts only known families", () => {
    expect(parseFamily("tts")).toBe("tts");
    expect(parseFamily("banana")).toBe("");
  });
});
