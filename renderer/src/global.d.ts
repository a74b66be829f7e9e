import type { PreloadBridge } from "../../shared/api";

declare global {
  interface Window {
    /** Present only in the desktop app, exposed by the preload script. */
    atelier?: PreloadBridge;
  }
}

export {};
