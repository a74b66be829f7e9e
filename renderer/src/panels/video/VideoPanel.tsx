import { ClipGallery } from "./ClipGallery";
import { ClipStage } from "./ClipStage";
import { useVideoDrop } from "./use-video-drop";
import { useVideoFollowUps } from "./use-video-follow-ups";
import { useVideoModelsRefresh } from "./use-video-models";
import { VideoForm } from "./VideoForm";
import { VideoJobs } from "./VideoJobs";

/** Video studio: the settings on the left; jobs, the player for the selected clip and the clip gallery on the right. */
export function VideoPanel() {
  const drop = useVideoDrop();
  useVideoModelsRefresh();
  useVideoFollowUps();
  return (
    <section className={drop.dragging ? "video-panel dragging" : "video-panel"} aria-labelledby="video-title" {...drop.handlers}>
      <div className="image-settings video-settings">
        <h1 id="video-title">Video</h1>
        <VideoForm dropError={drop.error} />
      </div>
      <div className="video-results">
        <VideoJobs />
        <ClipStage />
        <ClipGallery />
      </div>
      {drop.dragging && (
        <div className="drop-overlay" aria-hidden="true">
          Drop a clip exported by Atelier to recall its settings, another clip to import it, or an image to start from it
        </div>
      )}
    </section>
  );
}
