import type { EngineStatus } from "../../../shared/models";
import { formatBytes } from "../format";
import { useApp } from "../store/context";
import { DownloadsSummary } from "./DownloadsSummary";
import { LoadedModelChip } from "./LoadedModelChip";

const ENGINE_LABELS: Record<EngineStatus["engine"], string> = {
  llm: "Text engine",
  image: "Image engine",
  speech: "Speech engine",
  video: "Video engine",
  onnx: "ONNX",
};
const STATE_LABELS: Record<EngineStatus["state"], string> = {
  stopped: "idle",
  starting: "starting",
  ready: "ready",
  crashed: "crashed (restarts on next use)",
};

function EngineSummary({ engine }: { engine: EngineStatus }) {
  return (
    <li className={`engine engine-${engine.state}`}>
      <span className="engine-name">{ENGINE_LABELS[engine.engine]}:</span> {STATE_LABELS[engine.state]}
      {engine.loaded.map((model) => (
        <LoadedModelChip key={model.modelId} loaded={model} />
      ))}
    </li>
  );
}

export function StatusBar() {
  const engines = useApp((s) => s.engines);
  const connection = useApp((s) => s.connection);
  const loaded = engines.flatMap((engine) => engine.loaded);
  const memory = loaded.reduce((sum, model) => sum + model.memoryBytes, 0);
  return (
    <footer className="status-bar" aria-label="Status">
      <span>{connection === "open" ? "Connected" : connection === "connecting" ? "Connecting…" : "Reconnecting…"}</span>
      <span>
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
