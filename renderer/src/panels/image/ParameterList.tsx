import { SAMPLER_LABELS, type ImageParameters, type LibraryItem } from "../../../../shared/image";
import { formatBytes, formatTime } from "../../format";

const MODE_LABELS: Record<ImageParameters["mode"], string> = {
  txt2img: "Text to image",
  img2img: "Image to image",
  inpaint: "Inpainting",
  upscale: "Upscale",
};

/** The settings an image was made with, as a definition list. */
export function ParameterList({ item }: { item: LibraryItem }) {
  const p = item.parameters;
  const rows: [string, string][] = [
    ["Created", formatTime(item.createdAt)],
    ["Size", `${item.width} × ${item.height} · ${formatBytes(item.sizeBytes)}`],
  ];
  if (p) {
    rows.unshift(["Prompt", p.prompt || "(none)"], ["Negative prompt", p.negativePrompt || "(none)"]);
    rows.push(
      ["Mode", MODE_LABELS[p.mode]],
      ["Model", p.modelName || p.modelId],
      ["Steps", String(p.steps)],
      ["Sampler", SAMPLER_LABELS[p.sampler]],
      ["CFG scale", String(p.cfgScale)],
      ["Seed", String(p.seed)],
    );
    if (p.strength !== undefined) rows.push(["Strength", String(p.strength)]);
    if (p.upscaleFactor !== undefined) rows.push(["Upscale factor", `${p.upscaleFactor}×`]);
  }
  return (
    <dl className="parameter-list">
      {rows.map(([term, value]) => (
        <div key={term} className="parameter-row">
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
      {!p && <p className="muted">This image carries no generation settings.</p>}
    </dl>
  );
}
