import { randomBytes } from "node:crypto";
import { readdir } from "node:fs/promises";
import { request as httpRequest } from "node:http";
import { connect as netConnect } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type WebSocket from "ws";
import { clipItemSchema } from "../../shared/video";
import { exportClip } from "../video/clip-io/export-clip";
import type { RgbFrame } from "../video/clip-io/rgb-frame";
import { SERVE_TIMEOUTS } from "./server";
import { frames, openSocket, resultFor, startServeRig, type ServeRig } from "./serve-test-kit";

let rig: ServeRig;
let socket: WebSocket;
let nextFrame: ReturnType<typeof frames>;
let nextId = 1;

beforeAll(async () => {
  rig = await startServeRig();
  socket = await openSocket(rig.server);
  nextFrame = frames(socket);
});

afterAll(async () => {
  socket.terminate();
  await rig.close();
});

interface Posted {
  status: number;
  body: string;
}

/** A POST to 127.0.0.1 with exactly these headers; `body` is sent whole, or not at all when null. */
function post(pathname: string, headers: Record<string, string>, body: Buffer | null): Promise<Posted> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname: "127.0.0.1", port: rig.port, path: pathname, method: "POST", headers, agent: false }, (res) => {
      let text = "";
      res.on("data", (chunk: Buffer) => (text += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    // A refused body may be cut off while it is still being sent; the answer came first.
    req.on("error", (error: NodeJS.ErrnoException) => (error.code === "EPIPE" || error.code === "ECONNRESET" ? undefined : reject(error)));
    req.end(body ?? undefined);
  });
}

function headersFor(extra: Record<string, string> = {}): Record<string, string> {
  return { Host: `127.0.0.1:${rig.port}`, Origin: rig.server.origin, "Content-Type": "video/mp4", ...extra };
}

async function call(channel: string, request: unknown): Promise<unknown> {
  const id = nextId++;
  socket.send(JSON.stringify({ type: "invoke", id, channel, request }));
  const frame = await nextFrame(resultFor(id), 60_000);
  if (frame.type !== "result") throw new Error("not a result");
  if (!frame.result.ok) throw new Error(`${frame.result.error.code}: ${frame.result.error.message}`);
  return frame.result.value;
}

async function uploadsOnDisk(): Promise<string[]> {
  return readdir(path.join(rig.dataDir, "uploads"));
}

/** 512×512 noise, which H.264 cannot squeeze: a real MP4 of `count` frames, well past 8 MiB at 50. */
async function noisyMp4(count: number): Promise<Buffer> {
  async function* noise(): AsyncGenerator<RgbFrame> {
    for (let i = 0; i < count; i++) yield { pixels: new Uint8Array(randomBytes(512 * 512 * 3)), width: 512, height: 512 };
  }
  return (await exportClip({ format: "mp4", clip: { width: 512, height: 512, frames: noise() }, fps: 8 })).bytes;
}

describe("POST /upload", () => {
  it("refuses without the token, from another origin, without an origin, another host or another method; keeps nothing", async () => {
    const body = randomBytes(1024);
    const path = `/upload?token=${rig.server.token}`;
    expect((await post("/upload", headersFor(), body)).status).toBe(401);
    expect((await post("/upload?token=wrong", headersFor(), body)).status).toBe(401);
    expect((await post(path, headersFor({ Origin: "http://evil.example" }), body)).status).toBe(403);
    const noOrigin = headersFor();
    delete noOrigin.Origin;
    expect((await post(path, noOrigin, body)).status).toBe(403);
    expect((await post(path, headersFor({ Host: `evil.example:${rig.port}` }), body)).status).toBe(403);
    const refused = await post(path, headersFor(), body);
    expect(refused.status).toBe(200);
    expect(JSON.parse(refused.body)).toMatchObject({ uploadId: expect.stringMatching(/^[a-f0-9]{32}$/) });
    expect(await uploadsOnDisk()).toHaveLength(2);
    const { uploadId } = JSON.parse(refused.body) as { uploadId: string };
    await expect(call("video.recall", { uploadId })).rejects.toThrow(/not a clip Atelier can read/);
    expect(await uploadsOnDisk()).toEqual(expect.arrayContaining([uploadId, `${uploadId}.json`]));
    const get = await fetch(`${rig.server.origin}/upload?token=${rig.server.token}`);
    expect(get.status).toBe(405);
  });

  it("refuses a body declared larger than 4 GiB with 413 and a JSON error", async () => {
    const before = await uploadsOnDisk();
    const answer = await post(`/upload?token=${rig.server.token}`, headersFor({ "Content-Length": String(5 * 1024 ** 3) }), null);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: "INVALID_INPUT", message: expect.stringContaining("4 GiB") } });
    expect(await uploadsOnDisk()).toEqual(before);
  });

  it("another path that is sent a body answers, then closes the connection instead of waiting for the body", async () => {
    const socket = netConnect(rig.port, "127.0.0.1");
    socket.write(`POST /?token=${rig.server.token} HTTP/1.1\r\nHost: 127.0.0.1:${rig.port}\r\nContent-Length: 1000000\r\n\r\nabc`);
    const started = Date.now();
    const text = await new Promise<string>((resolve) => {
      let seen = "";
      socket.on("data", (chunk: Buffer) => (seen += chunk.toString("latin1")));
      socket.on("close", () => resolve(seen));
    });
    expect(text).toMatch(/^HTTP\/1\.1 405/);
    expect(text.toLowerCase()).toContain("connection: close");
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("an aborted upload leaves no file", async () => {
    const before = await uploadsOnDisk();
    await new Promise<void>((resolve) => {
      const req = httpRequest({ hostname: "127.0.0.1", port: rig.port, path: `/upload?token=${rig.server.token}`, method: "POST", headers: headersFor({ "Content-Length": "1000000" }), agent: false });
      req.on("error", () => resolve());
      req.write(randomBytes(300_000), () => setTimeout(() => req.destroy(), 200));
    });
    for (let waited = 0; waited < 2_000; waited += 50) {
      if ((await readdir(path.join(rig.dataDir, "uploads"))).length === before.length) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await uploadsOnDisk()).toEqual(before);
  });

  it("cuts off an upload that stops sending, keeping nothing", async () => {
    const before = await uploadsOnDisk();
    const socket = netConnect(rig.port, "127.0.0.1");
    socket.on("error", () => undefined);
    socket.write(
      `POST /upload?token=${rig.server.token} HTTP/1.1\r\nHost: 127.0.0.1:${rig.port}\r\nOrigin: ${rig.server.origin}\r\n` +
        "Content-Length: 1000000\r\n\r\n",
    );
    socket.write(randomBytes(1000));
    const started = Date.now();
    await new Promise((resolve) => socket.on("close", resolve));
    expect(Date.now() - started).toBeLessThan(SERVE_TIMEOUTS.requestMs + 3_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(SERVE_TIMEOUTS.requestMs - 1_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await uploadsOnDisk()).toEqual(before);
  }, SERVE_TIMEOUTS.requestMs + 10_000);

  it("takes an MP4 larger than a WebSocket frame (8 MiB) that video.import then imports, and removes it", async () => {
    const mp4 = await noisyMp4(50);
    expect(mp4.length).toBeGreaterThan(8 * 1024 * 1024);
    const answer = await post("/upload", headersFor({ Cookie: await sessionCookie() }), mp4);
    expect(answer.status).toBe(200);
    const { uploadId } = JSON.parse(answer.body) as { uploadId: string };
    expect(await call("video.recall", { uploadId })).toEqual({ parameters: null });
    const { jobId } = (await call("video.import", { uploadId, name: "Noise" })) as { jobId: string };
    expect(jobId).toEqual(expect.any(String));
    let clips: { items: unknown[] } = { items: [] };
    for (const deadline = Date.now() + 90_000; clips.items.length === 0 && Date.now() < deadline; ) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      clips = (await call("video.list", {})) as { items: unknown[] };
    }
    const clip = clipItemSchema.parse(clips.items[0]);
    expect(clip).toMatchObject({ name: "Noise", frameCount: 50, width: 512, height: 512, fps: 8 });
    expect(await uploadsOnDisk()).not.toContain(uploadId);
    await expect(call("video.import", { uploadId })).rejects.toThrow(/NOT_FOUND/);
    await expect(call("video.import", { uploadId: "../../settings" })).rejects.toThrow(/INVALID_INPUT/);
  }, 180_000);
});

/** The HttpOnly cookie a browser gets with the page: what the renderer's uploads carry. */
async function sessionCookie(): Promise<string> {
  const page = await fetch(rig.server.url);
  return (page.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
}
