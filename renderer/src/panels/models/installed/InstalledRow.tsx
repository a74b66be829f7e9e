import { useId } from "react";
import type { Fit } from "../../../../../shared/library";
import type { LoadedModel, ModelInfo } from "../../../../../shared/models";
import { formatBytes } from "../../../format";
import { FitBadge } from "../FitBadge";
import { describePlacement, FAMILY_LABELS } from "../library-labels";
import { describeFormat, describeSource } from "./model-source";

interface InstalledRowProps {
  model: ModelInfo;
  /** Estimated before load; undefined while unknown. */
  fit: Fit | undefined;
  loaded: LoadedModel | undefined;
  busy: boolean;
  onLoad(): void;
  onUnload(): void;
  onDelete(): void;
}

function describeLoaded(loaded: LoadedModel | undefined): string {
  if (!loaded) return "Not loaded";
  const placement = describePlacement(loaded);
  return `Loaded (${formatBytes(loaded.memoryBytes)}${loaded.inUse ? ", in use" : ""})${placement ? ` · ${placement}` : ""}`;
}

export function InstalledRow({ model, fit, loaded, busy, onLoad, onUnload, onDelete }: InstalledRowProps) {
  const nameId = useId();
  return (
    <tr>
      <th scope="row" id={nameId}>
        {model.name}
      </th>
      <td>{FAMILY_LABELS[model.family]}</td>
      <td>{describeFormat(model)}</td>
      <td>{formatBytes(model.sizeBytes)}</td>
      <td>{fit ? <FitBadge fit={fit} compact /> : "—"}</td>
      <td>{describeSource(model)}</td>
      <td>{describeLoaded(loaded)}</td>
      <td>
        <div className="row-actions">
          {loaded ? (
            <button type="button" aria-describedby={nameId} disabled={busy} onClick={onUnload}>
              Unload
            </button>
          ) : model.format === "gguf" ? (
            <button type="button" aria-describedby={nameId} disabled={busy} onClick={onLoad}>
              Load
            </button>
          ) : (
            <span className="muted">Loads when used</span>
          )}
          <button type="button" className="danger" aria-describedby={nameId} disabled={busy} onClick={onDelete}>
            Delete
          </button>
        </div>
      </td>
    </tr>
  );
}
