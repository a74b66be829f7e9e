import type { EngineStatus } from "../../../shared/models";
import { formatBytes } from "../format";
import { useApp } from "../store/context";

const ENGINE_LABELS: Record<EngineStatus["engine"], string> = { llm: "Text", image: "Image", speech: "Speech", video: "Video" };
const STATE_LABELS: Record<EngineStatus["state"], string> = {
  stopped: "idle",
  starting: "starting",
  ready: "ready",
  crashed: "crashed (restarts on next use)",
};

function EngineSummary({ engine }: { engine: EngineStatus }) {
  const names = useApp((s) => s.models);
  const nameOf = (id: string) => names.find((m) => m.id === id)?.name ?? id;
  return (
    <li className={`engine engine-${engine.state}`}>
      <span className="engine-name">{ENGINE_LABELS[engine.engine]} engine:</span> {STATE_LABELS[engine.state]}
      {engine.loaded.map((model) => (
        <span key={model.modelId} className="loaded-model">
          {" · "}
          {nameOf(model.modelId)} ({formatBytes(model.memoryBytes)})
        </span>
      ))}
    </li>
  );
}

export function StatusBar() {
  const engines = useApp((s) => s.engines);
  const connection = useApp((s) => s.connection);
  const loadedCount = engines.reduce((count, engine) => count + engine.loaded.length, 0);
  return (
    <footer className="status-bar" aria-label="Status">
      <span>{connection === "open" ? "Connected" : connection === "connecting" ? "Connecting…" : "Reconnecting…"}</span>
      <span>{loadedCount === 0 ? "No models loaded" : `${loadedCount} model${loadedCount === 1 ? "" : "s"} loaded`}</span>
      <ul className="engines">
        {engines.map((engine) => (
          <EngineSummary key={engine.engine} engine={engine} />
        ))}
      </ul>
    </footer>
  );
}
