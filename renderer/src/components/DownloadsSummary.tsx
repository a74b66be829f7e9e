import { useMemo } from "react";
import { formatTransfer, percentOf } from "../format";
import { useApp } from "../store/context";
import { activeDownloadTotals } from "../store/downloads-slice";

/** "Downloading 2 models · 45%": a way into the Downloads tab while something is downloading. */
export function DownloadsSummary() {
  const downloads = useApp((s) => s.downloads);
  const showPanel = useApp((s) => s.showPanel);
  const showModelsTab = useApp((s) => s.showModelsTab);
  const totals = useMemo(() => activeDownloadTotals(downloads), [downloads]);
  if (totals.count === 0) return null;
  const open = () => {
    showModelsTab("downloads");
    showPanel("models");
  };
  return (
    <button type="button" className="quiet downloads-summary" onClick={open}>
      Downloading {totals.count} model{totals.count === 1 ? "" : "s"} · {percentOf(totals.receivedBytes, totals.totalBytes)}% (
      {formatTransfer(totals.receivedBytes, totals.totalBytes)})
    </button>
  );
}
