import { describe, expect, it } from "vitest";
import { externalUrlToOpen } from "./external-links";

describe("externalUrlToOpen", () => {
  it("opens https links", () => {
    expect(externalUrlToOpen("https://huggingface.co/models?q=gguf")).toBe("https://huggingface.co/models?q=gguf");
  });

  it.each([
    "http://example.com/",
    "file:///etc/passwd",
    "javascript:alert(1)",
    "smb://share/file",
    "ms-settings:privacy",
    "https://user:secret@example.com/",
    "not a url",
    "",
  ])("refuses %s", (url) => {
    expect(externalUrlToOpen(url)).toBeNull();
  });
});
