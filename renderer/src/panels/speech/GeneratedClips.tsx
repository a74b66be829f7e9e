import { useMemo } from "react";
import { useApp } from "../../store/context";
import { GeneratedClip } from "./GeneratedClip";

/** Synthesized clips kept in the audio library, newest first; the latest job's clip leads. */
export function GeneratedClips({ freshId }: { freshId: string | null }) {
  const items = useApp((s) => s.audioItems);
  const voices = useApp((s) => s.voices);
  const models = useApp((s) => s.models);
  const known = useApp((s) => s.audioKnown);
  const spoken = useMemo(() => items.filter((item) => item.kind === "speech"), [items]);
  const voiceName = (id: string | undefined) =>
    voices.find((voice) => voice.id === id)?.name ?? models.find((model) => model.id === id)?.name ?? id ?? "Unknown voice";
  return (
    <section className="generated-clips" aria-labelledby="generated-title">
      <h2 id="generated-title">Generated clips</h2>
      {known && spoken.length === 0 && <p className="muted">Clips you speak are kept here and in the audio library.</p>}
      <ul aria-labelledby="generated-title">
        {spoken.map((item) => (
          <GeneratedClip key={item.id} item={item} voiceName={voiceName(item.voiceId)} fresh={item.id === freshId} />
        ))}
      </ul>
    </section>
  );
}
