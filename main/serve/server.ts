import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import { TOKEN_PARAM, UPLOAD_PATH, WS_PATH } from "../../shared/wire";
import { createHost, type Host } from "../host";
import type { EngineLauncher } from "../engines/protocol";
import { createFileLogger } from "../log/logger";
import type { Logger } from "../log/types";
import { hostForUrl, publicHost, ServedAddresses } from "./origins";
import { setSecurityHeaders } from "./security-headers";
import { SessionAuth } from "./session-auth";
import { attachSocket, broadcast } from "./socket-session";
import { end, serveStatic } from "./static-files";
import { receiveUpload } from "./upload-route";

export interface ServeOptions {
  /** Interface to bind; loopback unless told otherwise. */
  host?: string;
  /** 0 picks any free port. */
  port: number;
  dataDir: string;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** The engine worker bundles (out/main). */
  workerDir: string;
  version: string;
  launcher?: EngineLauncher;
  logger?: Logger;
}

export interface RunningServer {
  /** The address to open, token included. */
  url: string;
  /** `http://host:port`, without the token. */
  origin: string;
  token: string;
  /** Closes every socket, stops the server and the host (engines included). */
  close(): Promise<void>;
}

const MAX_FRAME_BYTES = 8 * 1024 * 1024;

/**
 * A client that dribbles its request (a header byte a second) is cut off: headers must arrive
 * within `headersMs`; Node checks every `checkEveryMs`. Only `POST /upload` reads a body, which may
 * take minutes for a large file: it is cut off when it sends nothing for `requestMs`, and any other
 * request carrying a body has its connection closed once answered.
 */
export const SERVE_TIMEOUTS = { headersMs: 10_000, requestMs: 30_000, keepAliveMs: 5_000, checkEveryMs: 1_000 } as const;

const FORBIDDEN_HOST = "Atelier answers only at the addresses it listens on; this request named another host.";

/** Serve mode: the renderer over HTTP and the contract over a WebSocket, behind a session token. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const bindHost = options.host ?? "127.0.0.1";
  const rendererDir = path.resolve(options.rendererDir);
  const logger = options.logger ?? createFileLogger(path.join(path.resolve(options.dataDir), "logs"));
  const { dataDir, workerDir, launcher, version } = options;
  const host: Host = await createHost({ dataDir, workerDir, launcher, version, mode: "serve", logger });
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  let auth: SessionAuth | undefined;
  let addresses: ServedAddresses | undefined;

  const server = createServer({
    headersTimeout: SERVE_TIMEOUTS.headersMs,
    requestTimeout: 0,
    keepAliveTimeout: SERVE_TIMEOUTS.keepAliveMs,
    connectionsCheckingInterval: SERVE_TIMEOUTS.checkEveryMs,
  }, (request, response) => {
    setSecurityHeaders(response);
    const url = new URL(request.url ?? "/", "http://localhost");
    if (!auth || !addresses) return end(response, 503, "Starting");
    if (!addresses.hostAllowed(request.headers.host)) {
      logger.log("warn", "serve", "Refused a request for another host", { host: request.headers.host });
      return end(response, 403, FORBIDDEN_HOST);
    }
    if (url.pathname === UPLOAD_PATH) {
      return receiveUpload(request, response, url, { auth, addresses, uploads: host.uploads, logger, idleMs: SERVE_TIMEOUTS.requestMs });
    }
    if (hasBody(request)) response.setHeader("Connection", "close");
    const byQuery = auth.queryTokenValid(url);
    if (!byQuery && !auth.cookieValid(request)) {
      return end(response, 401, "Open the address Atelier printed when it started: it carries the session token.");
    }
    if (byQuery) response.setHeader("Set-Cookie", auth.cookieHeader());
    serveStatic(rendererDir, url, request, response).catch((error: unknown) => {
      logger.log("error", "serve", "Could not serve a file", { error });
      if (!response.headersSent) end(response, 500, "Internal error");
      else response.destroy();
    });
  });

  server.on("upgrade", (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const verdict =
      !auth || !addresses || url.pathname !== WS_PATH ? 404
      : !addresses.hostAllowed(request.headers.host) ? 403
      : !auth.queryTokenValid(url) ? 401
      : !addresses.originAllowed(request.headers.origin) ? 403
      : 0;
    if (verdict !== 0) {
      logger.log("warn", "serve", `Refused a WebSocket connection (${verdict})`, { host: request.headers.host, origin: request.headers.origin });
      socket.end(`HTTP/1.1 ${verdict} ${verdict === 403 ? "Forbidden" : verdict === 401 ? "Unauthorized" : "Not Found"}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws: WebSocket) => attachSocket(ws, host.router, logger));
  });

  const unsubscribe = host.events.subscribe((event, payload) => broadcast(sockets.clients, { type: "event", event, payload }));

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, bindHost, () => {
      server.off("error", reject);
      resolve();
    });
  }).catch(async (error: unknown) => {
    await host.dispose();
    throw error;
  });
  function port(): number {
    return (server.address() as AddressInfo).port;
  }
  auth = new SessionAuth(port());
  addresses = new ServedAddresses(bindHost, port());
  const origin = `http://${hostForUrl(publicHost(bindHost))}:${port()}`;
  logger.log("info", "serve", `Serving at ${origin}`);

  let closing: Promise<void> | undefined;
  return {
    url: `${origin}/?${TOKEN_PARAM}=${auth.token}`,
    origin,
    token: auth.token,
    close() {
      closing ??= (async () => {
        unsubscribe();
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await host.dispose();
      })();
      return closing;
    },
  };
}

function hasBody(request: IncomingMessage): boolean {
  return request.headers["transfer-encoding"] !== undefined || Number(request.headers["content-length"] ?? 0) > 0;
}
