import { describe, expect, it } from "vitest";
import { clipDataUrlSchema } from "../../../../shared/video";
import { classifyFile, clipNameFromFile, withMimeType } from "./clip-file";

describe("clip files", () => {
  it("tells clips, still images and other files apart by type, or by extension when the type is unknown", () => {
    expect(classifyFile("a.webm", "video/webm")).toEqual({ kind: "clip", mimeType: "video/webm" });
    expect(classifyFile("a.gif", "image/gif")).toEqual({ kind: "clip", mimeType: "image/gif" });
    expect(classifyFile("a.webp", "image/webp")).toEqual({ kind: "clip", mimeType: "image/webp" });
    expect(classifyFile("CLIP.MP4", "")).toEqual({ kind: "clip", mimeType: "video/mp4" });
    expect(classifyFile("a.mkv", "application/octet-stream")).toEqual({ kind: "clip", mimeType: "video/x-matroska" });
    expect(classifyFile("a.png", "image/png")).toEqual({ kind: "still" });
    expect(classifyFile("a.jpg", "")).toEqual({ kind: "still" });
    expect(classifyFile("notes.txt", "text/plain")).toEqual({ kind: "other" });
  });

  it("relabels a data: URL with the clip's type, so the host's schema takes it", () => {
    const relabelled = withMimeType("data:application/octet-stream;base64,GkXfow==", "video/webm");
    expect(relabelled).toBe("data:video/webm;base64,GkXfow==");
    expect(clipDataUrlSchema.safeParse(relabelled).success).toBe(true);
  });

  it("names an imported clip after its file", () => {
    expect(clipNameFromFile("sunset-loop.webm")).toBe("sunset-loop");
    expect(clipNameFromFile(".gif")).toBe("Imported clip");
  });
});
