import { describe, expect, it } from "vitest";
import { describeFormat, describeSource } from "./model-source";

describe("installed model descriptions", () => {
  it("says where a model came from", () => {
    expect(describeSource({ source: { repo: "org/m", revision: "main" } })).toBe("Downloaded from org/m");
    expect(describeSource({ imported: "copy" })).toBe("Imported (copied into Atelier)");
    expect(describeSource({ imported: "link" })).toBe("Imported (linked to your file)");
    expect(describeSource({})).toBe("Found in a models folder");
  });

  it("writes the format with the architecture when known", () => {
    expect(describeFormat({ format: "gguf", architecture: "llama" })).toBe("GGUF · llama");
    expect(describeFormat({ format: "onnx" })).toBe("ONNX");
  });
});
