import type { EngineStatus } from "../../../shared/models";
import { formatBytes } from "../format";
import { useApp } from "../store/context";
import { DownloadsSummary } from "./DownloadsSummary";
import { LoadedModelChip } from "./LoadedModelChip";

/** Short labels keep the bar on one line at 1024 px; screen readers and tooltips get the full one. */
const ENGINE_LABELS: Record<EngineStatus["engine"], { short: string; full: string }> = {
  llm: { short: "Text", full: "Text engine" },
  image: { short: "Image", full: "Image engine" },
  speech: { short: "Speech", full: "Speech engine" },
  video: { short: "Video", full: "Video engine" },
  onnx: { short: "ONNX", full: "ONNX" },
};
const STATE_LABELS: Record<EngineStatus["state"], { short: string; full: string }> = {
  stopped: { short: "idle", full: "idle" },
  starting: { short: "starting", full: "starting" },
  ready: { short: "ready", full: "ready" },
  crashed: { short: "crashed", full: "crashed (restarts on next use)" },
};

function EngineSummary({ engine }: { engine: EngineStatus }) {
  const label = ENGINE_LABELS[engine.engine];
  const state = STATE_LABELS[engine.state];
  return (
    <li className={`engine engine-${engine.state}`} title={`${label.full}: ${state.full}`}>
      <span>
        <span className="engine-name">
          <Abbreviated short={label.short} full={label.full} />:
        </span>{" "}
        <Abbreviated short={state.short} full={state.full} />
      </span>
      {engine.loaded.map((model) => (
        <LoadedModelChip key={model.modelId} loaded={model} />
      ))}
    </li>
  );
}

/** Shows `short`, reads `full`. */
function Abbreviated({ short, full }: { short: string; full: string }) {
  if (short === full) return <>{full}</>;
  return (
    <>
      <span aria-hidden="true">{short}</span>
      <span className="visually-hidden">{full}</span>
    </>
  );
}

export function StatusBar() {
  const engines = useApp((s) => s.engines);
  const connection = useApp((s) => s.connection);
  const loaded = engines.flatMap((engine) => engine.loaded);
  const memory = loaded.reduce((sum, model) => sum + model.memoryBytes, 0);
  return (
    <footer className="status-bar" aria-label="Status">
      <span className="status-connection">{connection === "open" ? "Connected" : connection === "connecting" ? "Connecting…" : "Reconnecting…"}</span>
      <span className="status-memory">
        {loaded.length === 0
          ? "No models loaded"
          : `${loaded.length} model${loaded.length === 1 ? "" : "s"} loaded, about ${formatBytes(memory)}`}
      </span>
      <ul className="engines">
        {engines.map((engine) => (
          <EngineSummary key={engine.engine} engine={engine} />
        ))}
      </ul>
      <DownloadsSummary />
    </footer>
  );
}
