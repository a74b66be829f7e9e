import { describe, expect, it } from "vitest";
import { dataUrlToBlob } from "./data-url";

describe("data URLs", () => {
  it("decodes a base64 data: URL into a Blob of its type", async () => {
    const blob = dataUrlToBlob("data:video/webm;base64,GkXfo0AB");
    expect(blob.type).toBe("video/webm");
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([0x1a, 0x45, 0xdf, 0xa3, 0x40, 0x01]);
  });

  it("refuses anything but a base64 data: URL", () => {
    expect(() => dataUrlToBlob("https://example.com/a.webm")).toThrow("cannot save");
    expect(() => dataUrlToBlob("data:text/plain,hello")).toThrow("cannot save");
  });
});
