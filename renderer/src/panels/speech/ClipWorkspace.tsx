import type { AudioItem } from "../../../../shared/speech";
import { ErrorMessage } from "../../components/ErrorMessage";
import { countRegions } from "./segments";
import { formatDuration } from "./time-format";
import { TranscribeForm } from "./TranscribeForm";
import { TranscriptEditor } from "./TranscriptEditor";
import { useClipAnalysis } from "./use-clip-analysis";
import { useClipBlob } from "./use-clip-blob";
import { useWaveform } from "./use-waveform";
import { Waveform } from "./Waveform";

/** The selected clip: its waveform with speech regions, the transcription settings, and the transcript. */
export function ClipWorkspace({ item }: { item: AudioItem }) {
  const { blob, error: readError } = useClipBlob(item.id);
  const { transcript, regions, vadInstalled, error: analysisError } = useClipAnalysis(item.id);
  const player = useWaveform(blob, item.name, regions);
  return (
    <section className="clip-workspace" aria-labelledby="clip-title">
      <div className="clip-heading">
        <h2 id="clip-title">{item.name}</h2>
        <p className="muted">
          {formatDuration(item.durationSeconds)} · {(item.sampleRate / 1000).toLocaleString("en-US")} kHz
          {regions.length > 0 && ` · ${countRegions(regions.length)}`}
        </p>
      </div>
      {readError && <ErrorMessage>{readError}</ErrorMessage>}
      <Waveform player={player} name={item.name} loading={!blob && !readError} />
      {!vadInstalled && <p className="hint">Install Silero VAD from the catalog to see where speech is on the waveform.</p>}
      {analysisError && <ErrorMessage>{analysisError}</ErrorMessage>}
      <TranscribeForm audioId={item.id} />
      {transcript && <TranscriptEditor key={transcript.id} transcript={transcript} time={player.time} playing={player.playing} onSeek={player.seek} />}
    </section>
  );
}
