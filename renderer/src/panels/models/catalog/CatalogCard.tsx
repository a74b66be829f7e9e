import { useId } from "react";
import type { CatalogItem, Download } from "../../../../../shared/library";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { useAction } from "../../../components/use-action";
import { formatBytes } from "../../../format";
import { useApi, useApp } from "../../../store/context";
import { DOWNLOAD_STATE_LABELS } from "../downloads/download-view";
import { FitBadge } from "../FitBadge";
import { LicenseExplanation, LicenseNote } from "../LicenseNote";
import { describeRevision } from "../library-labels";
import { catalogSize } from "./catalog-filter";

interface CatalogCardProps {
  item: CatalogItem;
  installed: boolean;
  /** The unfinished download of this model, if one is queued, running or paused. */
  download: Download | undefined;
}

/** One curated model: what it is, its size, license and source, whether it fits, and a way to get it. */
export function CatalogCard({ item, installed, download }: CatalogCardProps) {
  const api = useApi();
  const putDownload = useApp((s) => s.putDownload);
  const nameId = useId();
  const reasonId = useId();
  const licenseId = useId();
  const explanationId = useId();
  const { run, pending, error } = useAction();
  const size = catalogSize(item);
  const reason = installed ? "Already installed." : download ? `${DOWNLOAD_STATE_LABELS[download.state]} — see Downloads.` : null;
  const start = () => void run(async () => putDownload(await api.downloads.start({ catalogId: item.id })));
  return (
    <article className="catalog-card" aria-labelledby={nameId}>
      <div className="card-heading">
        <h3 id={nameId}>{item.name}</h3>
        {installed && <span className="installed-badge">Installed</span>}
      </div>
      <p className="card-description">{item.description}</p>
      <dl className="card-facts">
        <div>
          <dt>Size</dt>
          <dd>{size === undefined ? "Unknown" : formatBytes(size)}</dd>
        </div>
        <div>
          <dt>Source</dt>
          <dd>
            <a href={item.sourceUrl} target="_blank" rel="noreferrer">
              {item.repo}
            </a>
          </dd>
        </div>
        <div>
          <dt>Revision</dt>
          <dd title={item.revision}>{describeRevision(item.revision)}</dd>
        </div>
      </dl>
      <FitBadge fit={item.fit} />
      <div className="card-actions">
        <button
          type="button"
          className="primary"
          aria-describedby={[nameId, licenseId, explanationId, ...(reason ? [reasonId] : [])].join(" ")}
          disabled={pending || reason !== null}
          onClick={start}
        >
          Download
        </button>
        <LicenseNote id={licenseId} license={item.license} />
        {reason && (
          <span id={reasonId} className="muted">
            {reason}
          </span>
        )}
      </div>
      <LicenseExplanation id={explanationId} license={item.license} />
      {error && <ErrorMessage>{error}</ErrorMessage>}
    </article>
  );
}
