import type { Transcript, TranscriptSegment } from "../../shared/speech";

export type TranscriptFormat = "txt" | "srt" | "vtt" | "json";

const pad = (value: number, width = 2): string => String(value).padStart(width, "0");

/** `HH:MM:SS<separator>mmm`, rounded to the millisecond. */
export function formatTimestamp(seconds: number, separator: "," | "."): string {
  const ms = Math.max(0, Math.round(seconds * 1000));
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor((ms % 3_600_000) / 60_000);
  const secs = Math.floor((ms % 60_000) / 1000);
  return `${pad(hours)}:${pad(minutes)}:${pad(secs)}${separator}${pad(ms % 1000, 3)}`;
}

/** Cue text may not contain a blank line (it would end the cue) nor, in VTT, the "-->" arrow. */
function cueText(text: string, vtt: boolean): string {
  const lines = text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  const joined = lines.join("\n") || "…";
  return vtt ? joined.replace(/-->/g, "→").replace(/&/g, "&amp;").replace(/</g, "&lt;") : joined;
}

const spoken = (segments: readonly TranscriptSegment[]): TranscriptSegment[] =>
  [...segments].filter((segment) => segment.text.trim().length > 0).sort((a, b) => a.start - b.start);

export function toTxt(transcript: Transcript): string {
  return spoken(transcript.segments).map((segment) => segment.text.trim()).join("\n") + "\n";
}

export function toSrt(transcript: Transcript): string {
  return spoken(transcript.segments)
    .map((segment, index) => {
      const end = Math.max(segment.end, segment.start);
      return `${index + 1}\n${formatTimestamp(segment.start, ",")} --> ${formatTimestamp(end, ",")}\n${cueText(segment.text, false)}\n`;
    })
    .join("\n");
}

export function toVtt(transcript: Transcript): string {
  const cues = spoken(transcript.segments).map((segment) => {
    const end = Math.max(segment.end, segment.start);
    return `${formatTimestamp(segment.start, ".")} --> ${formatTimestamp(end, ".")}\n${cueText(segment.text, true)}\n`;
  });
  return ["WEBVTT\n", ...cues].join("\n");
}

export function toJson(transcript: Transcript): string {
  return JSON.stringify(transcript, null, 2) + "\n";
}

const MIME_TYPES: Record<TranscriptFormat, string> = {
  txt: "text/plain",
  srt: "application/x-subrip",
  vtt: "text/vtt",
  json: "application/json",
};

const FORMATTERS: Record<TranscriptFormat, (transcript: Transcript) => string> = { txt: toTxt, srt: toSrt, vtt: toVtt, json: toJson };

/** The file to download: `<audio name>.<format>`, its MIME type and content. */
export function exportTranscript(transcript: Transcript, format: TranscriptFormat, baseName: string): { filename: string; mimeType: string; content: string } {
  const safe = baseName.replace(/\.[a-z0-9]{1,5}$/i, "").replace(/[\\/:*?"<>|\u0000-\u001f]+/g, "_").trim() || "transcript";
  return { filename: `${safe}.${format}`, mimeType: MIME_TYPES[format], content: FORMATTERS[format](transcript) };
}
