import { useId } from "react";
import type { HubFile } from "../../../../../shared/library";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { useAction } from "../../../components/use-action";
import { formatBytes } from "../../../format";
import { useApi, useApp } from "../../../store/context";
import { unfinishedDownload } from "../../../store/downloads-slice";
import { FitBadge } from "../FitBadge";
import { LicenseNote } from "../LicenseNote";
import { isDownloadOf, isInstalledFrom, modelNameOf } from "./hub-files";

interface RepoTerms {
  /** The repository's `license:` tag; undefined when it names none. */
  license: string | undefined;
  gated: boolean;
}

/** The quantizations of one repository, each with its size, fit and a Download button with the license beside it. */
export function HubFileTable({ repo, files, license, gated }: { repo: string; files: HubFile[] } & RepoTerms) {
  return (
    <table className="models-table hub-files">
      <caption className="visually-hidden">GGUF files of {repo}</caption>
      <thead>
        <tr>
          <th scope="col">File</th>
          <th scope="col">Quantization</th>
          <th scope="col">Size</th>
          <th scope="col">Fit</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {files.map((file) => (
          <HubFileRow key={file.path} repo={repo} file={file} license={license} gated={gated} />
        ))}
      </tbody>
    </table>
  );
}

function HubFileRow({ repo, file, license, gated }: { repo: string; file: HubFile } & RepoTerms) {
  const api = useApi();
  const fileId = useId();
  const reasonId = useId();
  const licenseId = useId();
  const putDownload = useApp((s) => s.putDownload);
  const installed = useApp((s) => isInstalledFrom(s.models, repo, file.path));
  const downloading = useApp((s) => unfinishedDownload(s.downloads, (d) => isDownloadOf(d, repo, file.path)) !== undefined);
  const { run, pending, error } = useAction();
  const reason = installed ? "Installed" : downloading ? "Downloading" : null;
  const start = () =>
    void run(async () =>
      putDownload(await api.downloads.start({ repo, revision: "main", files: [file.path], family: "llm", name: modelNameOf(file.path) })),
    );
  return (
    <tr>
      <th scope="row" id={fileId}>
        {file.path}
      </th>
      <td>{file.quantization ?? "—"}</td>
      <td>{formatBytes(file.size)}</td>
      <td>{file.fit ? <FitBadge fit={file.fit} compact /> : "—"}</td>
      <td>
        <div className="row-actions">
          {reason && (
            <span id={reasonId} className="muted">
              {reason}
            </span>
          )}
          <button
            type="button"
            aria-describedby={reason ? `${fileId} ${licenseId} ${reasonId}` : `${fileId} ${licenseId}`}
            disabled={pending || reason !== null}
            onClick={start}
          >
            Download
          </button>
          <LicenseNote id={licenseId} license={license} gated={gated} />
        </div>
        {error && <ErrorMessage>{error}</ErrorMessage>}
      </td>
    </tr>
  );
}
