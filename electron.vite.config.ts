import { resolve } from "node:path";
import { defineConfig } from "electron-vite";
import react from "@vitejs/plugin-react";

// One main-side bundle holds every Node entry: the Electron shell, the serve-mode
// server and one worker per engine family. Native engines stay external.
export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve("electron/main.ts"),
          serve: resolve("main/serve/cli.ts"),
          "engine-llm": resolve("main/engines/llm/worker.ts"),
          "engine-image": resolve("main/engines/image/worker.ts"),
          "engine-onnx": resolve("main/engines/onnx/worker.ts"),
          "engine-speech": resolve("main/engines/speech/worker.ts"),
          "engine-video": resolve("main/engines/video/worker.ts"),
        },
      },
    },
  },
  preload: {
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve("electron/preload.ts") },
        output: { format: "cjs", entryFileNames: "[name].cjs" },
      },
    },
  },
  renderer: {
    root: "renderer",
    plugins: [react()],
    build: {
      minify: true,
      rollupOptions: { input: resolve("renderer/index.html") },
    },
  },
});
