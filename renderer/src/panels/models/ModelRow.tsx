import { useId } from "react";
import type { LoadedModel, ModelInfo } from "../../../../shared/models";
import { formatBytes, formatCount } from "../../format";

interface ModelRowProps {
  model: ModelInfo;
  loaded: LoadedModel | undefined;
  busy: boolean;
  onUnload(): void;
  onDelete(): void;
}

export function ModelRow({ model, loaded, busy, onUnload, onDelete }: ModelRowProps) {
  const nameId = useId();
  return (
    <tr>
      <th scope="row" id={nameId}>
        {model.name}
      </th>
      <td>{model.family.toUpperCase()}</td>
      <td>{formatBytes(model.sizeBytes)}</td>
      <td>{model.architecture ?? "—"}</td>
      <td>{model.contextLength ? formatCount(model.contextLength) : "—"}</td>
      <td>{loaded ? `Loaded (${formatBytes(loaded.memoryBytes)})` : "Not loaded"}</td>
      <td className="row-actions">
        {loaded && (
          <button type="button" aria-describedby={nameId} disabled={busy} onClick={onUnload}>
            Unload
          </button>
        )}
        <button type="button" className="danger" aria-describedby={nameId} disabled={busy} onClick={onDelete}>
          Delete
        </button>
      </td>
    </tr>
  );
}
