import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { FaultInjector, type FaultOptions } from "./faults";
import { handleCdn, handleHub, type HubState, type RecordedRequest } from "./hub-routes";
import { createRepo, type HubFileInfo, type RepoOptions } from "./hub-repos";

export type { FaultKind, FaultOptions, FaultRule } from "./faults";
export type { RecordedRequest } from "./hub-routes";
export type { HubFileInfo, RepoFileSpec, RepoOptions } from "./hub-repos";

export interface TestHubOptions {
  /** Folder of repositories (`<owner>/<name>/<revision>/…`); a temp folder, removed on close, when absent. */
  root?: string;
  faults?: FaultOptions;
  /** The access token gated repositories accept. */
  token?: string;
  /** Tree entries per page; more are behind a `Link: <…>; rel="next"` header. */
  pageSize?: number;
  /** Bytes per second per response; 0 (default) is unlimited. */
  bytesPerSecond?: number;
}

export interface TestHub {
  /** The hub endpoint, e.g. http://127.0.0.1:PORT (for settings.hub.endpoint). */
  url: string;
  /** The CDN that resolve redirects to: another port, so another origin. */
  cdnUrl: string;
  root: string;
  /** Every request both servers received, in order. */
  requests: RecordedRequest[];
  createRepo(repo: string, options: RepoOptions): Promise<HubFileInfo[]>;
  setFaults(faults: FaultOptions): void;
  setBytesPerSecond(bytesPerSecond: number): void;
  close(): Promise<void>;
}

/**
 * A Hugging Face stand-in on 127.0.0.1 serving real files: tree listing with LFS sha256,
 * resolve with a 302 to a CDN on another port with Range support, model search, and
 * seeded fault injection. Used by unit tests, e2e tests and the benchmark.
 */
export async function startTestHub(options: TestHubOptions = {}): Promise<TestHub> {
  const ownRoot = options.root === undefined;
  const root = options.root ?? (await mkdtemp(path.join(tmpdir(), "atelier-hub-")));
  let hubUrl = "";
  let cdnUrl = "";
  const state: HubState = {
    root,
    hubUrl: () => hubUrl,
    cdnUrl: () => cdnUrl,
    token: options.token,
    pageSize: options.pageSize ?? 1000,
    faults: new FaultInjector(options.faults),
    bytesPerSecond: options.bytesPerSecond ?? 0,
    requests: [],
  };
  const hub = await listen((request, response) => handleHub(state, request, response));
  const cdn = await listen((request, response) => handleCdn(state, request, response));
  hubUrl = `http://127.0.0.1:${(hub.address() as AddressInfo).port}`;
  cdnUrl = `http://127.0.0.1:${(cdn.address() as AddressInfo).port}`;
  return {
    url: hubUrl,
    cdnUrl,
    root,
    requests: state.requests,
    createRepo: (repo, repoOptions) => createRepo(root, repo, repoOptions),
    setFaults: (faults) => state.faults.configure(faults),
    setBytesPerSecond: (bytesPerSecond) => {
      state.bytesPerSecond = bytesPerSecond;
    },
    async close() {
      await Promise.all([stop(hub), stop(cdn)]);
      if (ownRoot) await rm(root, { recursive: true, force: true });
    },
  };
}

async function listen(handle: (request: IncomingMessage, response: ServerResponse) => Promise<void>): Promise<Server> {
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500).end(String(error));
      else response.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}

function stop(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Stalled responses and idle keep-alive sockets would otherwise hold close() forever.
    server.closeAllConnections();
  });
}
