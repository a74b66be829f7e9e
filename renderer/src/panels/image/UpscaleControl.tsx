import { useId, useState } from "react";
import type { LibraryItem } from "../../../../shared/image";
import { ErrorMessage } from "../../components/ErrorMessage";
import { useAction } from "../../components/use-action";
import { useInstalledModels } from "../../components/use-installed-models";
import { useApi } from "../../store/context";

/** Queues an upscale of one library image with an installed upscale model; the result lands in the gallery. */
export function UpscaleControl({ item }: { item: LibraryItem }) {
  const api = useApi();
  const selectId = useId();
  const { models } = useInstalledModels("upscale");
  const [modelId, setModelId] = useState("");
  const [queued, setQueued] = useState(false);
  const { run, pending, error } = useAction();
  const chosen = modelId || models[0]?.id || "";

  if (models.length === 0) {
    return <p className="hint">To upscale, install an upscale model (Real-ESRGAN) from the catalog in the Models panel.</p>;
  }
  return (
    <div className="upscale-control">
      <label htmlFor={selectId}>Upscale model</label>
      <div className="seed-row">
        <select id={selectId} value={chosen} onChange={(e) => setModelId(e.target.value)}>
          {models.map((model) => (
            <option key={model.id} value={model.id}>
              {model.name}
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={pending || !chosen}
          onClick={() =>
            void run(async () => {
              setQueued(false);
              await api.image.upscale({ itemId: item.id, modelId: chosen });
              setQueued(true);
            })
          }
        >
          Upscale
        </button>
      </div>
      <p role="status" className="hint">
        {queued ? "Upscale queued: follow it under Jobs; the larger image joins the gallery." : ""}
      </p>
      {error && <ErrorMessage>{error}</ErrorMessage>}
    </div>
  );
}
