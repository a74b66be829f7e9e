import { ConnectionBanner } from "./components/ConnectionBanner";
import { ErrorMessage } from "./components/ErrorMessage";
import { Sidebar } from "./components/Sidebar";
import { StatusBar } from "./components/StatusBar";
import { ChatPanel } from "./panels/chat/ChatPanel";
import { ImagePanel } from "./panels/image/ImagePanel";
import { ModelsPanel } from "./panels/models/ModelsPanel";
import { QueuePanel } from "./panels/queue/QueuePanel";
import { SettingsPanel } from "./panels/settings/SettingsPanel";
import { SpeechPanel } from "./panels/speech/SpeechPanel";
import { VideoPanel } from "./panels/video/VideoPanel";
import { useApp } from "./store/context";
import type { PanelId } from "./store/ui-slice";

function PanelView({ panel }: { panel: PanelId }) {
  switch (panel) {
    case "chat":
      return <ChatPanel />;
    case "image":
      return <ImagePanel />;
    case "speech":
      return <SpeechPanel />;
    case "video":
      return <VideoPanel />;
    case "models":
      return <ModelsPanel />;
    case "queue":
      return <QueuePanel />;
    case "settings":
      return <SettingsPanel />;
  }
}

export function App() {
  const panel = useApp((s) => s.panel);
  const appError = useApp((s) => s.appError);
  return (
    <div className="app">
      <ConnectionBanner />
      <div className="app-body">
        <Sidebar />
        <main className="panel" id="panel">
          {appError && <ErrorMessage className="app-error">{appError}</ErrorMessage>}
          <PanelView panel={panel} />
        </main>
      </div>
      <StatusBar />
    </div>
  );
}
