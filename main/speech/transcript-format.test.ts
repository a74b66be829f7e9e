import { describe, expect, it } from "vitest";
import { transcriptSchema, type Transcript } from "../../shared/speech";
import { exportTranscript, formatTimestamp, toSrt, toTxt, toVtt } from "./transcript-format";

const transcript: Transcript = {
  id: "t-1",
  audioId: "audio-1",
  modelId: "whisper-tiny-en",
  language: "en",
  task: "transcribe",
  segments: [
    { id: 1, start: 3.2, end: 4.25, text: " ask not <what> --> & more" },
    { id: 0, start: 0.32, end: 3.2, text: "And so my fellow Americans,\n\nthe next line" },
    { id: 2, start: 3725.5, end: 3727.0009, text: "an hour later" },
    { id: 3, start: 3728, end: 3729, text: "   " },
  ],
  speech: [{ start: 0.3, end: 10.9 }],
  createdAt: 1,
  updatedAt: 2,
};

/** A strict SRT reader: numbered cues, `HH:MM:SS,mmm --> HH:MM:SS,mmm`, text, blank line between. */
function parseSrt(text: string): { index: number; start: string; end: string; text: string }[] {
  expect(text.endsWith("\n")).toBe(true);
  return text
    .trimEnd()
    .split("\n\n")
    .map((block) => {
      const [index, timing, ...lines] = block.split("\n");
      const match = /^(\d{2}:\d{2}:\d{2},\d{3}) --> (\d{2}:\d{2}:\d{2},\d{3})$/.exec(timing ?? "");
      if (!match || !/^\d+$/.test(index ?? "") || lines.length === 0 || lines.some((line) => line.trim() === "")) {
        throw new Error(`not an SRT cue: ${JSON.stringify(block)}`);
      }
      return { index: Number(index), start: match[1] ?? "", end: match[2] ?? "", text: lines.join("\n") };
    });
}

describe("transcript formats", () => {
  it("formats timestamps with hours and milliseconds", () => {
    expect(formatTimestamp(0, ",")).toBe("00:00:00,000");
    expect(formatTimestamp(3725.5, ".")).toBe("01:02:05.500");
    expect(formatTimestamp(59.9996, ",")).toBe("00:01:00,000");
  });

  it("writes valid SRT: numbered cues in time order, no blank lines inside a cue, empty segments left out", () => {
    const cues = parseSrt(toSrt(transcript));
    expect(cues.map((cue) => cue.index)).toEqual([1, 2, 3]);
    expect(cues[0]).toEqual({ index: 1, start: "00:00:00,320", end: "00:00:03,200", text: "And so my fellow Americans,\nthe next line" });
    expect(cues[1]?.text).toBe("ask not <what> --> & more");
    expect(cues[2]).toMatchObject({ start: "01:02:05,500", end: "01:02:07,001" });
  });

  it("writes valid WebVTT: header, dotted timestamps, cue text escaped", () => {
    const vtt = toVtt(transcript);
    expect(vtt.startsWith("WEBVTT\n\n")).toBe(true);
    const blocks = vtt.trimEnd().split("\n\n").slice(1);
    expect(blocks).toHaveLength(3);
    for (const block of blocks) expect(block.split("\n")[0]).toMatch(/^\d{2}:\d{2}:\d{2}\.\d{3} --> \d{2}:\d{2}:\d{2}\.\d{3}$/);
    expect(blocks[1]).toBe("00:00:03.200 --> 00:00:04.250\nask not &lt;what> → &amp; more");
  });

  it("writes plain text and JSON that reads back as the transcript", () => {
    expect(toTxt(transcript)).toBe("And so my fellow Americans,\n\nthe next line\nask not <what> --> & more\nan hour later\n");
    const json = exportTranscript(transcript, "json", "jfk.wav");
    expect(json).toMatchObject({ filename: "jfk.json", mimeType: "application/json" });
    expect(transcriptSchema.parse(JSON.parse(json.content))).toEqual(transcript);
    expect(exportTranscript(transcript, "srt", 'my:talk?.mp3').filename).toBe("my_talk_.srt");
    expect(exportTranscript(transcript, "vtt", "x").mimeType).toBe("text/vtt");
  });
});
