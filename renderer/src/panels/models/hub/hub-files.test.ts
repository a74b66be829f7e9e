import { describe, expect, it } from "vitest";
import type { ModelInfo } from "../../../../../shared/models";
import { download as downloadOf } from "../../../test-support/fixtures";
import { formatCompactCount, ggufFiles, isDownloadOf, isInstalledFrom, modelNameOf } from "./hub-files";

describe("hub files", () => {
  it("keeps only GGUF files, smallest first", () => {
    const files = [
      { path: "README.md", size: 10 },
      { path: "m-Q8_0.gguf", size: 800, quantization: "Q8_0" },
      { path: "sub/m-Q4_K_M.GGUF", size: 400, quantization: "Q4_K_M" },
    ];
    expect(ggufFiles(files).map((f) => f.path)).toEqual(["sub/m-Q4_K_M.GGUF", "m-Q8_0.gguf"]);
  });

  it("names a model after its file", () => {
    expect(modelNameOf("models/Qwen2.5-0.5B-Q4_K_M.gguf")).toBe("Qwen2.5-0.5B-Q4_K_M");
    expect(modelNameOf("plain.GGUF")).toBe("plain");
  });

  it("matches downloads and installed models to a repository file", () => {
    const download = downloadOf("d1", "downloading", { repo: "org/m", files: [{ path: "m-Q8_0.gguf", size: 1, receivedBytes: 0, verified: false }] });
    expect(isDownloadOf(download, "org/m", "m-Q8_0.gguf")).toBe(true);
    expect(isDownloadOf(download, "org/m", "m-Q4_0.gguf")).toBe(false);
    const model: ModelInfo = { id: "m", name: "m", family: "llm", format: "gguf", path: "/d/models/m/m-Q8_0.gguf", sizeBytes: 1, source: { repo: "org/m", revision: "main" } };
    expect(isInstalledFrom([model], "org/m", "m-Q8_0.gguf")).toBe(true);
    expect(isInstalledFrom([model], "org/other", "m-Q8_0.gguf")).toBe(false);
  });

  it("writes big counts compactly", () => {
    expect(formatCompactCount(1_234_567)).toBe("1.2M");
    expect(formatCompactCount(950)).toBe("950");
  });
});
