import { describe, expect, it } from "vitest";
import { audioDataUrlSchema } from "../../../../shared/speech";
import { audioMimeType, blobToDataUrl, clipDownloadName, dataUrlToBlob, recordingName } from "./audio-file";

describe("audioMimeType", () => {
  it("keeps the browser's audio type without codec parameters", () => {
    expect(audioMimeType("take.webm", "audio/webm;codecs=opus")).toBe("audio/webm");
    expect(audioMimeType("a.mp3", "audio/mpeg")).toBe("audio/mpeg");
    expect(audioMimeType("clip.webm", "video/webm")).toBe("video/webm");
  });

  it("falls back to the extension when the browser names no audio type", () => {
    expect(audioMimeType("Voice Memo.M4A", "")).toBe("audio/mp4");
    expect(audioMimeType("song.flac", "application/octet-stream")).toBe("audio/flac");
    expect(audioMimeType("jfk.wav", "")).toBe("audio/wav");
  });

  it("refuses files that are not audio", () => {
    expect(audioMimeType("notes.txt", "text/plain")).toBeNull();
    expect(audioMimeType("noextension", "")).toBeNull();
  });
});

describe("data URLs", () => {
  it("round-trips bytes, and the URL passes the contract's audio data URL check", async () => {
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 7) % 256);
    const url = await blobToDataUrl(new Blob([bytes]), "audio/webm");
    expect(url.startsWith("data:audio/webm;base64,")).toBe(true);
    expect(audioDataUrlSchema.safeParse(url).success).toBe(true);
    const back = dataUrlToBlob(url);
    expect(back.type).toBe("audio/webm");
    expect(new Uint8Array(await back.arrayBuffer())).toEqual(bytes);
  });

  it("reads data URLs with parameters and rejects anything else", () => {
    expect(dataUrlToBlob("data:audio/wav;rate=16000;base64,AAEC").size).toBe(3);
    expect(() => dataUrlToBlob("https://example.com/a.wav")).toThrow(/data: URL/);
  });
});

describe("names", () => {
  it("names recordings by local date and time", () => {
    expect(recordingName(new Date(2025, 2, 1, 14, 5, 9))).toBe("Recording 2025-03-01 14:05:09");
  });

  it("names downloads after the clip, with the stored file's extension", () => {
    expect(clipDownloadName({ name: "Hello there, world!", file: "speech-abc.mp3" })).toBe("hello-there-world.mp3");
    expect(clipDownloadName({ name: "x", file: "noext" })).toBe("x.wav");
  });
});
