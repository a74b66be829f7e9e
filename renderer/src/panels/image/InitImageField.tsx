import { useId, useState } from "react";
import { ErrorMessage } from "../../components/ErrorMessage";
import { describeError } from "../../errors/describe-error";
import { useApp } from "../../store/context";
import type { FieldsProps } from "./fields-props";
import { ACCEPTED_IMAGE_TYPES, readInitImage } from "./image-file";
import { MaskPainter } from "./MaskPainter";
import { fitSize, presetKey } from "./size-presets";

/** img2img and inpainting: a picture to start from, how far to move away from it, and an optional mask. */
export function InitImageField({ values, errors, change }: FieldsProps) {
  const inputId = useId();
  const strengthId = useId();
  const strengthHintId = useId();
  const initImage = useApp((s) => s.initImage);
  const setInitImage = useApp((s) => s.setInitImage);
  const [error, setError] = useState<string | null>(null);
  const strength = Number(values.strength);
  const fitted = initImage ? fitSize(initImage.width, initImage.height) : null;

  const pick = async (file: File | undefined) => {
    if (!file) return;
    try {
      setInitImage(await readInitImage(file));
      setError(null);
    } catch (caught) {
      setError(describeError(caught));
    }
  };

  return (
    <fieldset className="init-image">
      <legend>Start from an image</legend>
      {initImage && fitted ? (
        <>
          <MaskPainter key={initImage.dataUrl} image={initImage} />
          <div className="field">
            <label htmlFor={strengthId}>Strength</label>
            <input
              id={strengthId}
              type="range"
              min={0}
              max={1}
              step={0.05}
              value={Number.isFinite(strength) ? strength : 0.75}
              aria-valuetext={`${Math.round(strength * 100)}%`}
              aria-describedby={strengthHintId}
              onChange={(e) => change({ strength: e.target.value })}
            />
            <p id={strengthHintId} className="hint">
              {Math.round(strength * 100)}% — how far to move away from the image: 0 keeps it, 100% ignores it.
            </p>
            {errors.strength && <ErrorMessage>{errors.strength}</ErrorMessage>}
          </div>
          <div className="mask-tool-row">
            <button
              type="button"
              onClick={() => {
                const width = String(fitted.width);
                const height = String(fitted.height);
                change({ width, height, customSize: presetKey(width, height) === null });
              }}
            >
              Use its size ({fitted.width} × {fitted.height})
            </button>
            <button type="button" onClick={() => setInitImage(null)}>
              Remove init image
            </button>
          </div>
        </>
      ) : (
        <div className="drop-zone">
          <label htmlFor={inputId}>Init image</label>
          <input
            id={inputId}
            type="file"
            accept={ACCEPTED_IMAGE_TYPES.join(",")}
            onChange={(e) => {
              void pick(e.target.files?.[0]);
              e.target.value = "";
            }}
          />
          <p className="hint">
            Choose a PNG, JPEG or WebP file, or drop one anywhere on this panel. A PNG made by Atelier brings back its settings instead.
          </p>
        </div>
      )}
      {error && <ErrorMessage>{error}</ErrorMessage>}
    </fieldset>
  );
}
