import { useMemo } from "react";
import { useApp } from "../store/context";
import { isActiveJob } from "../store/jobs-slice";
import type { PanelId } from "../store/ui-slice";

const ITEMS: { id: PanelId; label: string }[] = [
  { id: "chat", label: "Chat" },
  { id: "image", label: "Image" },
  { id: "speech", label: "Speech" },
  { id: "video", label: "Video" },
  { id: "models", label: "Models" },
  { id: "queue", label: "Queue" },
  { id: "settings", label: "Settings" },
];

export function Sidebar() {
  const panel = useApp((s) => s.panel);
  const showPanel = useApp((s) => s.showPanel);
  const jobs = useApp((s) => s.jobs);
  const activeJobs = useMemo(() => Object.values(jobs).filter(isActiveJob).length, [jobs]);
  return (
    <nav className="sidebar" aria-label="Sections">
      <p className="brand">Atelier</p>
      <ul>
        {ITEMS.map((item) => (
          <li key={item.id}>
            <button
              type="button"
              className="nav-item"
              aria-current={panel === item.id ? "page" : undefined}
              aria-controls="panel"
              onClick={() => showPanel(item.id)}
            >
              {item.label}
              {item.id === "queue" && activeJobs > 0 && (
                <span className="badge">
                  <span className="visually-hidden">, </span>
                  {activeJobs}
                  <span className="visually-hidden"> active</span>
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
