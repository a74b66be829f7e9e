import { useApp } from "../../store/context";
import { ClipActions } from "./ClipActions";
import { ClipParameters } from "./ClipParameters";
import { ClipPlayer } from "./ClipPlayer";

/** The selected clip: the player, then what can be done with it and the settings it was made with. */
export function ClipStage() {
  const clip = useApp((s) => s.clipItems.find((item) => item.id === s.selectedClipId));
  const hasClips = useApp((s) => s.clipTotal > 0);
  return (
    <section className="clip-stage" aria-labelledby="clip-stage-title">
      <h2 id="clip-stage-title" className={clip ? "clip-stage-title" : "visually-hidden"}>
        {clip ? clip.name : "Player"}
      </h2>
      {clip ? (
        <div className="clip-stage-body">
          <ClipPlayer key={clip.id} clip={clip} />
          <div className="clip-stage-side">
            <ClipActions key={clip.id} clip={clip} />
            <details className="clip-settings">
              <summary>Settings</summary>
              <ClipParameters item={clip} />
            </details>
          </div>
        </div>
      ) : (
        <p className="muted clip-stage-empty">
          {hasClips ? "Choose a clip below to play it. A new clip plays here as soon as it is done." : "Clips play here as soon as they are made."}
        </p>
      )}
    </section>
  );
}
