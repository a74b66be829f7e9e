import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { WORKER_DIR } from "../host-test-kit";
import { silentLogger } from "../log/types";
import { startServer, type RunningServer } from "./server";
import { frames } from "./serve-test-kit";

let server: RunningServer;
let base: string;
let cookie: string;
const sockets: WebSocket[] = [];

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), "atelier-serve-"));
  const rendererDir = path.join(base, "renderer");
  await mkdir(path.join(rendererDir, "assets"), { recursive: true });
  await writeFile(path.join(rendererDir, "index.html"), "<!doctype html><title>Atelier test</title>");
  await writeFile(path.join(rendererDir, "assets", "app.js"), "console.log('app')");
  await writeFile(path.join(base, "secret.txt"), "TOP SECRET");
  server = await startServer({ port: 0, dataDir: path.join(base, "data"), rendererDir, workerDir: WORKER_DIR, version: "test", logger: silentLogger });
  const page = await fetch(server.url);
  cookie = (page.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
});

afterAll(async () => {
  for (const socket of sockets) socket.terminate();
  await server.close();
});

/** A raw GET, so the path reaches the server exactly as written (fetch would normalize "..") */
function rawGet(pathname: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(server.origin);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, path: pathname, headers }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

function connect(options: { token?: string; origin?: string } = {}): Promise<WebSocket> {
  const wsUrl = `${server.origin.replace("http", "ws")}/ws?token=${options.token ?? server.token}`;
  const socket = new WebSocket(wsUrl, { origin: options.origin ?? server.origin });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once("open", () => resolve(socket));
    socket.once("unexpected-response", (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    socket.once("error", reject);
  });
}

describe("serve mode HTTP", () => {
  it("binds to loopback and prints a tokenized URL", () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{40,}$/);
  });

  it("refuses every request without the token or its cookie", async () => {
    for (const pathname of ["/", "/assets/app.js", "/?token=wrong", "/ws"]) {
      expect((await rawGet(pathname)).status).toBe(401);
    }
    expect((await rawGet("/", { cookie: "atelier_session_1=nope" })).status).toBe(401);
  });

  it("serves the page with the token, sets a strict HttpOnly cookie and security headers", async () => {
    const page = await fetch(server.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Atelier test");
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(page.headers.get("set-cookie")).toMatch(/HttpOnly; SameSite=Strict; Path=\//);
    expect(page.headers.get("content-security-policy")).toContain("default-src 'self'; script-src 'self'");
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("serves assets by cookie with their content type, falls back to index.html for app routes, 404s missing files", async () => {
    const asset = await rawGet("/assets/app.js", { cookie });
    expect(asset).toEqual({ status: 200, body: "console.log('app')" });
    const js = await fetch(`${server.origin}/assets/app.js`, { headers: { cookie } });
    expect(js.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect((await rawGet("/chat/some-route", { cookie })).body).toContain("Atelier test");
    expect((await rawGet("/assets/missing.js", { cookie })).status).toBe(404);
    expect((await fetch(`${server.origin}/`, { method: "POST", headers: { cookie } })).status).toBe(405);
  });

  it.each(["/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt", "/assets/..%2f..%2fsecret.txt", "/..%5csecret.txt", "/%00"])(
    "refuses the traversal %s",
    async (pathname) => {
      const response = await rawGet(pathname, { cookie });
      expect(response.body).not.toContain("TOP SECRET");
      expect([400, 403, 404]).toContain(response.status);
    },
  );
});

describe("serve mode WebSocket", () => {
  it("rejects a connection without the token, or from another origin", async () => {
    await expect(connect({ token: "wrong" })).rejects.toThrow("HTTP 401");
    await expect(connect({ origin: "http://evil.example" })).rejects.toThrow("HTTP 403");
    await expect(connect({ origin: server.origin.replace("127.0.0.1", "127.0.0.2") })).rejects.toThrow("HTTP 403");
  });

  it("answers invokes through the router and broadcasts events to every socket", async () => {
    const [first, second] = [await connect(), await connect()];
    const [nextFirst, nextSecond] = [frames(first), frames(second)];
    first.send(JSON.stringify({ type: "invoke", id: 1, channel: "app.info", request: {} }));
    expect(await nextFirst((f) => f.type === "result" && f.id === 1)).toMatchObject({ result: { ok: true, value: { mode: "serve", version: "test" } } });

    first.send(JSON.stringify({ type: "invoke", id: 2, channel: "chat.create", request: { title: "Over the wire" } }));
    const created = await nextFirst((f) => f.type === "result" && f.id === 2);
    expect(created).toMatchObject({ result: { ok: true, value: { title: "Over the wire" } } });
    const event = await nextSecond((f) => f.type === "event" && f.event === "chat.updated");
    expect(event).toMatchObject({ payload: { conversation: { title: "Over the wire" } } });
  });

  it("answers malformed frames safely and keeps the socket open", async () => {
    const socket = await connect();
    const next = frames(socket);
    socket.send("not json at all");
    socket.send(Buffer.from([1, 2, 3]), { binary: true });
    socket.send(JSON.stringify({ type: "invoke", id: 3, channel: "app.info" , request: {}, extra: 1 }));
    socket.send(JSON.stringify({ type: "nonsense", id: 4 }));
    socket.send(JSON.stringify({ type: "invoke", id: 5, channel: "no.such", request: {} }));
    socket.send(JSON.stringify({ type: "invoke", id: 6, channel: "chat.get", request: { id: "../x" } }));
    expect(await next((f) => f.type === "result" && f.id === 4)).toMatchObject({ result: { ok: false, error: { code: "INVALID_INPUT" } } });
    expect(await next((f) => f.type === "result" && f.id === 5)).toMatchObject({ result: { ok: false, error: { code: "INVALID_INPUT" } } });
    expect(await next((f) => f.type === "result" && f.id === 6)).toMatchObject({ result: { ok: false, error: { code: "INVALID_INPUT" } } });
    socket.send(JSON.stringify({ type: "invoke", id: 7, channel: "chat.list", request: {} }));
    expect(await next((f) => f.type === "result" && f.id === 7)).toMatchObject({ result: { ok: true } });
    expect(socket.readyState).toBe(WebSocket.OPEN);
  });
});
