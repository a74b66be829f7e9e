import { useId, useState } from "react";
import type { HubFile, HubModel } from "../../../../../shared/library";
import { licenseFromHubTags } from "../../../../../shared/model-license";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { useAction } from "../../../components/use-action";
import { useApi } from "../../../store/context";
import { LicenseNote } from "../LicenseNote";
import { HubFileTable } from "./HubFileTable";
import { formatCompactCount, ggufFiles } from "./hub-files";

/** One repository in the search results; expanding it lists its quantizations. */
export function HubResult({ model }: { model: HubModel }) {
  const api = useApi();
  const nameId = useId();
  const filesId = useId();
  const [expanded, setExpanded] = useState(false);
  const [files, setFiles] = useState<HubFile[] | null>(null);
  const { run, pending, error } = useAction();
  const license = licenseFromHubTags(model.tags);
  const toggle = () => {
    setExpanded(!expanded);
    if (!expanded && files === null) void run(async () => setFiles(ggufFiles(await api.hub.files({ repo: model.repo }))));
  };
  return (
    <li className="hub-result" aria-labelledby={nameId}>
      <div className="hub-result-heading">
        <h3 id={nameId}>{model.repo}</h3>
        <span className="muted">
          {model.downloads !== undefined && `${formatCompactCount(model.downloads)} downloads`}
          {model.likes !== undefined && ` · ${formatCompactCount(model.likes)} likes`}
        </span>
        <LicenseNote license={license} gated={model.gated ?? false} />
        <button type="button" aria-expanded={expanded} aria-controls={filesId} aria-describedby={nameId} onClick={toggle}>
          {expanded ? "Hide files" : "Show files"}
        </button>
      </div>
      <div id={filesId} hidden={!expanded}>
        {pending && <p className="muted">Listing files…</p>}
        {error && <ErrorMessage>Could not list the files of {model.repo}: {error}</ErrorMessage>}
        {files && (files.length === 0 ? <p className="muted">No GGUF files in this repository.</p> : <HubFileTable repo={model.repo} files={files} license={license} gated={model.gated ?? false} />)}
      </div>
    </li>
  );
}
