import "./zod-config";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createClient } from "./api/client";
import { pickTransport } from "./api/pick-transport";
import { App } from "./App";
import { createAppStore } from "./store/app-state";
import { AppProvider } from "./store/context";
import { startSession } from "./store/start-session";
import "./styles.css";
import "./panels/panels.css";
import "./panels/chat/chat.css";
import "./panels/image/image.css";
import "./panels/models/models.css";
import "./panels/speech/speech.css";
import "./panels/video/video.css";

const transport = pickTransport(window);
const api = createClient(transport);
const store = createAppStore();
startSession(transport, api, store);

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");
createRoot(root).render(
  <StrictMode>
    <AppProvider store={store} api={api}>
      <App />
    </AppProvider>
  </StrictMode>,
);
