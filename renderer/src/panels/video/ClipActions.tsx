import { useId, useState } from "react";
import { CLIP_FORMATS, clipFormatSchema, type ClipFormat, type ClipItem } from "../../../../shared/video";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorMessage } from "../../components/ErrorMessage";
import { useAction } from "../../components/use-action";
import { useApi, useApp } from "../../store/context";
import { forgetClipThumbnail } from "./use-clip-thumbnail";
import { useClipExport } from "./use-clip-export";
import { useVideoRecall } from "./use-video-recall";
import { hasInterpolator } from "./video-models";

const FORMAT_LABELS: Record<ClipFormat, string> = {
  mp4: "MP4 (H.264)",
  webm: "WebM (VP9)",
  webp: "Animated WebP",
  gif: "GIF",
};

/** What can be done with the selected clip: recall its settings, export, interpolate, reveal, delete. */
export function ClipActions({ clip }: { clip: ClipItem }) {
  const api = useApi();
  const formatId = useId();
  const factorId = useId();
  const recall = useVideoRecall();
  const removeClip = useApp((s) => s.removeClip);
  const followVideoJob = useApp((s) => s.followVideoJob);
  const canInterpolate = useApp((s) => hasInterpolator(s.videoModels));
  const [format, setFormat] = useState<ClipFormat>("webm");
  const [factor, setFactor] = useState<2 | 4>(2);
  const [confirming, setConfirming] = useState(false);
  const [note, setNote] = useState("");
  const exporter = useClipExport(clip, setNote);
  const { run, pending, error } = useAction();

  const reveal = () =>
    void run(async () => {
      const { path, revealed } = await api.video.reveal({ id: clip.id });
      setNote(revealed ? `Shown in your file manager: ${path}` : `Saved at ${path}`);
    });
  const interpolate = () =>
    void run(async () => {
      const { jobId } = await api.video.interpolate({ clipId: clip.id, factor });
      followVideoJob(jobId, {});
      setNote(`Interpolation ×${factor} queued; the new clip plays here when it is done.`);
    });
  const remove = () =>
    void run(async () => {
      setConfirming(false);
      await api.video.delete({ id: clip.id });
      forgetClipThumbnail(clip.id);
      removeClip(clip.id);
    });

  return (
    <div className="clip-actions">
      <div className="clip-action-row">
        <button type="button" className="primary" disabled={!clip.parameters} onClick={() => clip.parameters && recall(clip.parameters, "the selected clip")}>
          Use these settings
        </button>
        <button type="button" disabled={pending} onClick={reveal}>
          Reveal in folder
        </button>
        <button type="button" className="danger" disabled={pending} onClick={() => setConfirming(true)}>
          Delete
        </button>
      </div>
      <div className="clip-action-row">
        <label htmlFor={formatId}>Export format</label>
        <select id={formatId} value={format} onChange={(e) => setFormat(clipFormatSchema.catch(format).parse(e.target.value))}>
          {CLIP_FORMATS.map((value) => (
            <option key={value} value={value}>
              {FORMAT_LABELS[value]}
            </option>
          ))}
        </select>
        <button type="button" disabled={exporter.pending} onClick={() => exporter.exportAs(format)}>
          Export
        </button>
      </div>
      {canInterpolate && (
        <div className="clip-action-row">
          <label htmlFor={factorId}>Interpolate by</label>
          <select id={factorId} value={factor} onChange={(e) => setFactor(e.target.value === "4" ? 4 : 2)}>
            <option value={2}>×2</option>
            <option value={4}>×4</option>
          </select>
          <button type="button" disabled={pending || clip.frameCount < 2} onClick={interpolate}>
            Interpolate
          </button>
        </div>
      )}
      <p role="status" className="hint selectable">
        {note}
      </p>
      {exporter.error && <ErrorMessage>{exporter.error}</ErrorMessage>}
      {error && <ErrorMessage>{error}</ErrorMessage>}
      {confirming && (
        <ConfirmDialog
          title="Delete this clip?"
          message="Its frames, settings and exported files are removed from the library. This cannot be undone."
          confirmLabel="Delete clip"
          onConfirm={remove}
          onCancel={() => setConfirming(false)}
        />
      )}
    </div>
  );
}
