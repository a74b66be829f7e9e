import { useId, useState } from "react";
import { TRANSCRIPT_FORMATS } from "../../../../shared/speech";
import { ErrorMessage } from "../../components/ErrorMessage";
import { useAction } from "../../components/use-action";
import { downloadText } from "../../download-file";
import { useApi } from "../../store/context";

type TranscriptFormat = (typeof TRANSCRIPT_FORMATS)[number];

const FORMAT_LABELS: Record<TranscriptFormat, string> = {
  txt: "Plain text (TXT)",
  srt: "Subtitles (SRT)",
  vtt: "Web subtitles (VTT)",
  json: "Segments with times (JSON)",
};

function isFormat(value: string): value is TranscriptFormat {
  return (TRANSCRIPT_FORMATS as readonly string[]).includes(value);
}

/** Saves the transcript as TXT, SRT, VTT or JSON through the browser's download. */
export function ExportControl({ transcriptId, beforeExport }: { transcriptId: string; beforeExport(): Promise<void> }) {
  const api = useApi();
  const formatId = useId();
  const [format, setFormat] = useState<TranscriptFormat>("srt");
  const { run, pending, error } = useAction();
  const exportNow = () =>
    void run(async () => {
      await beforeExport();
      const file = await api.speech.exportTranscript({ id: transcriptId, format });
      downloadText(file.filename, file.mimeType, file.content);
    });
  return (
    <div className="export-control">
      <label htmlFor={formatId} className="visually-hidden">
        Export format
      </label>
      <select id={formatId} value={format} onChange={(event) => isFormat(event.target.value) && setFormat(event.target.value)}>
        {TRANSCRIPT_FORMATS.map((value) => (
          <option key={value} value={value}>
            {FORMAT_LABELS[value]}
          </option>
        ))}
      </select>
      <button type="button" disabled={pending} onClick={exportNow}>
        Export
      </button>
      {error && <ErrorMessage>{error}</ErrorMessage>}
    </div>
  );
}
