import { useEffect, useId, useRef, useState, type PointerEvent } from "react";
import { useApp, useAppStore } from "../../store/context";
import type { InitImage } from "../../store/image-slice";
import { exportMask, fillMask, restoreMask, strokeMask, type Point } from "./mask-canvas";
import { brushInImagePixels, toImagePoint } from "./mask-pixels";

type Tool = "paint" | "erase";

function coverageText(coverage: number): string {
  if (coverage === 0) return "No mask: the whole image is reworked by strength.";
  return `${Math.max(1, Math.round(coverage * 100))}% of the image is masked and will be repainted.`;
}

/** The init image with a canvas over it to paint where inpainting repaints (white in the exported mask). */
export function MaskPainter({ image }: { image: InitImage }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const last = useRef<Point | null>(null);
  const statusId = useId();
  const brushId = useId();
  const store = useAppStore();
  const setMask = useApp((s) => s.setMask);
  const [tool, setTool] = useState<Tool>("paint");
  const [brush, setBrush] = useState(32);
  const [coverage, setCoverage] = useState(0);

  // Shown again after a panel switch: the mask lives in the store, the canvas starts blank.
  useEffect(() => {
    const canvas = canvasRef.current;
    const saved = store.getState().mask;
    if (canvas && saved) void restoreMask(canvas, saved).then(setCoverage, () => setCoverage(0));
  }, [store, image.dataUrl]);

  const commit = () => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const exported = exportMask(canvas);
    setMask(exported.dataUrl);
    setCoverage(exported.coverage);
  };
  const pointOf = (event: PointerEvent<HTMLCanvasElement>) =>
    toImagePoint(event.clientX, event.clientY, event.currentTarget.getBoundingClientRect(), image);
  const draw = (event: PointerEvent<HTMLCanvasElement>, from: Point, to: Point) => {
    const diameter = brushInImagePixels(brush, event.currentTarget.getBoundingClientRect().width, image.width);
    strokeMask(event.currentTarget, from, to, diameter, tool === "erase");
  };
  const whole = (painted: boolean) => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    fillMask(canvas, painted);
    commit();
  };

  return (
    <div className="mask-painter">
      <div className="mask-stage">
        <img src={image.dataUrl} alt={`Init image: ${image.name}`} draggable={false} />
        <canvas
          ref={canvasRef}
          className="mask-canvas"
          width={image.width}
          height={image.height}
          role="img"
          aria-label="Inpainting mask"
          aria-describedby={statusId}
          onPointerDown={(event) => {
            if (event.button !== 0) return;
            event.currentTarget.setPointerCapture(event.pointerId);
            const point = pointOf(event);
            last.current = point;
            draw(event, point, point);
          }}
          onPointerMove={(event) => {
            if (!last.current) return;
            const point = pointOf(event);
            draw(event, last.current, point);
            last.current = point;
          }}
          onPointerUp={() => {
            if (!last.current) return;
            last.current = null;
            commit();
          }}
          onPointerCancel={() => {
            last.current = null;
            commit();
          }}
        />
      </div>
      <fieldset className="mask-tools">
        <legend>Inpainting mask</legend>
        <div className="mask-tool-row" role="radiogroup" aria-label="Brush">
          {(["paint", "erase"] as const).map((option) => (
            <label key={option} className="checkbox">
              <input type="radio" name={`${statusId}-tool`} checked={tool === option} onChange={() => setTool(option)} />
              {option === "paint" ? "Paint" : "Erase"}
            </label>
          ))}
        </div>
        <label htmlFor={brushId}>Brush size</label>
        <input id={brushId} type="range" min={4} max={128} step={4} value={brush} onChange={(e) => setBrush(Number(e.target.value))} />
        <div className="mask-tool-row">
          <button type="button" onClick={() => whole(true)}>
            Mask the whole image
          </button>
          <button type="button" onClick={() => whole(false)} disabled={coverage === 0}>
            Clear mask
          </button>
        </div>
        <p id={statusId} className="hint" role="status">
          {coverageText(coverage)}
        </p>
      </fieldset>
    </div>
  );
}
