import { startServeChild } from "../scripts/testing/serve-child";

export interface ServeProcess {
  /** The page URL with the session token. */
  url: string;
  stop(): Promise<void>;
}

/** Starts the built serve-mode host on a free port, as `npm run serve` would; it dies with this worker however the run ends. */
export async function startServe(dataDir: string): Promise<ServeProcess> {
  const serve = await startServeChild({ dataDir });
  return { url: serve.url.href, stop: () => serve.stop() };
}
