import { useApp } from "../../store/context";
import { AudioSource } from "./AudioSource";
import { ClipList } from "./ClipList";
import { ClipWorkspace } from "./ClipWorkspace";

/** Clips on the left (add, record, choose); the chosen clip's waveform and transcript on the right. */
export function TranscribeTab() {
  const selected = useApp((s) => s.audioItems.find((item) => item.id === s.selectedAudioId));
  return (
    <div className="transcribe-layout">
      <div className="clip-column">
        <AudioSource />
        <ClipList />
      </div>
      <div className="clip-main">
        {selected ? (
          <ClipWorkspace key={selected.id} item={selected} />
        ) : (
          <p className="muted empty-clip">Choose a clip, add an audio file or record one to see its waveform and transcribe it.</p>
        )}
      </div>
    </div>
  );
}
