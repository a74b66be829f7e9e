import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { request as httpRequest } from "node:http";
import { connect as netConnect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import WebSocket from "ws";
import type { ServerFrame } from "../../shared/wire";
import { WORKER_DIR } from "../host-test-kit";
import { silentLogger } from "../log/types";
import { startServer, type RunningServer } from "./server";

/** Test support: a real serve-mode server on a temp data dir, and raw clients that can forge headers. */

export interface ServeRig {
  server: RunningServer;
  port: number;
  dataDir: string;
  close(): Promise<void>;
}

/** Always reached through 127.0.0.1, whatever it binds: tests send nothing to other addresses. */
export async function startServeRig(host?: string): Promise<ServeRig> {
  const base = await mkdtemp(path.join(tmpdir(), "atelier-serve-"));
  const rendererDir = path.join(base, "renderer");
  await mkdir(rendererDir, { recursive: true });
  await writeFile(path.join(rendererDir, "index.html"), "<!doctype html><title>Atelier test</title>");
  const server = await startServer({
    ...(host ? { host } : {}), port: 0, dataDir: path.join(base, "data"), rendererDir, workerDir: WORKER_DIR, version: "test", logger: silentLogger,
  });
  return {
    server,
    port: Number(new URL(server.origin).port),
    dataDir: path.join(base, "data"),
    async close() {
      await server.close();
      await rm(base, { recursive: true, force: true });
    },
  };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A GET to 127.0.0.1 with exactly these headers (Host included), the path as written. */
export function rawGet(port: number, pathname: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname: "127.0.0.1", port, path: pathname, headers, agent: false }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

/** A WebSocket upgrade sent byte for byte to 127.0.0.1, so Host and Origin are what the test says: its status. */
export function rawUpgrade(port: number, token: string, headers: { host: string; origin: string }): Promise<number> {
  const socket = netConnect(port, "127.0.0.1");
  socket.write(
    `GET /ws?token=${token} HTTP/1.1\r\nHost: ${headers.host}\r\nOrigin: ${headers.origin}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n",
  );
  return new Promise((resolve, reject) => {
    let head = "";
    socket.on("data", (chunk: Buffer) => {
      head += chunk.toString("latin1");
      const line = /^HTTP\/1\.1 (\d{3})/.exec(head);
      if (line) {
        socket.destroy();
        resolve(Number(line[1]));
      }
    });
    socket.on("error", reject);
    socket.on("close", () => reject(new Error(`closed without a status line: ${JSON.stringify(head)}`)));
  });
}

/**
 * A WebSocket opened by hand, for sending frames prepared beforehand (`maskedTextFrame`), so that
 * a test measures the server's work and not the client's. `received` holds what came back, as text.
 */
export async function rawWebSocket(server: RunningServer): Promise<{ socket: Socket; received: () => string }> {
  const { port } = new URL(server.origin);
  const socket = netConnect(Number(port), "127.0.0.1");
  let text = "";
  socket.on("data", (chunk: Buffer) => (text += chunk.toString("latin1")));
  socket.write(
    `GET /ws?token=${server.token} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: ${server.origin}\r\nUpgrade: websocket\r\n` +
      "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n",
  );
  for (let waited = 0; !text.includes("\r\n\r\n"); waited += 5) {
    if (waited > 5_000) throw new Error(`no upgrade answer: ${JSON.stringify(text)}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  if (!text.startsWith("HTTP/1.1 101")) throw new Error(`upgrade refused: ${text.split("\r\n")[0] ?? ""}`);
  text = "";
  return { socket, received: () => text };
}

/** One client text frame; its mask key is zero, which leaves the payload as it is. */
export function maskedTextFrame(payload: Buffer): Buffer {
  const head = Buffer.alloc(14);
  head[0] = 0x81;
  head[1] = 0x80 | 127;
  head.writeBigUInt64BE(BigInt(payload.length), 2);
  return Buffer.concat([head, payload]);
}

/** A real WebSocket client on 127.0.0.1 with the session token and the server's own origin. */
export function openSocket(server: RunningServer): Promise<WebSocket> {
  const socket = new WebSocket(`${server.origin.replace("http", "ws")}/ws?token=${server.token}`, { origin: server.origin });
  return new Promise((resolve, reject) => {
    socket.once("open", () => resolve(socket));
    socket.once("unexpected-response", (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    socket.once("error", reject);
  });
}

/** Collects every frame a socket receives; the returned function waits for one that matches. */
export function frames(socket: WebSocket): (test: (frame: ServerFrame) => boolean, timeoutMs?: number) => Promise<ServerFrame> {
  const seen: ServerFrame[] = [];
  socket.on("message", (data: Buffer) => seen.push(JSON.parse(data.toString()) as ServerFrame));
  return async (test, timeoutMs = 5_000) => {
    for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; ) {
      const found = seen.find(test);
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error("no such frame arrived");
  };
}

export function resultFor(id: number): (frame: ServerFrame) => boolean {
  return (frame) => frame.type === "result" && frame.id === id;
}
