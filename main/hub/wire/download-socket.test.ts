import { createHash } from "node:crypto";
import { getEventListeners } from "node:events";
import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { randomBytes } from "../../../scripts/hub-server/hub-repos";
import { DownloadSocket, type BodySink } from "./download-socket";

const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

async function serve(handler: RequestListener): Promise<URL> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/file`);
}

/** A sink that keeps what it was given and can be slow at the disk. */
function recorder(options: { slabDelayMs?: number; failData?: (seen: number) => boolean } = {}) {
  const data: Buffer[] = [];
  const slabs: Buffer[] = [];
  let out = 0;
  let mostOut = 0;
  const sink: BodySink = {
    data(bytes) {
      if (options.failData?.(data.reduce((sum, b) => sum + b.length, 0))) throw new Error("sink refused");
      data.push(Buffer.from(bytes));
    },
    async slab(bytes) {
      out += 1;
      mostOut = Math.max(mostOut, out);
      slabs.push(Buffer.from(bytes));
      if (options.slabDelayMs) await new Promise((resolve) => setTimeout(resolve, options.slabDelayMs));
      out -= 1;
    },
  };
  return { sink, data: () => Buffer.concat(data), slabs: () => Buffer.concat(slabs), mostOut: () => mostOut };
}

const body = Buffer.from(randomBytes(6_000_000, 11));

describe("DownloadSocket", () => {
  it("streams a Content-Length body into slabs byte for byte, with a few slabs out at once", async () => {
    const url = await serve((_request, response) => response.writeHead(200, { "Content-Length": body.length }).end(body));
    const socket = new DownloadSocket(url, {}, undefined);
    expect((await socket.response()).status).toBe(200);
    const sink = recorder({ slabDelayMs: 20 });
    await socket.pipe(sink.sink);
    expect(sink.data().equals(body)).toBe(true);
    expect(sink.slabs().equals(body)).toBe(true);
    expect(sink.mostOut()).toBeLessThanOrEqual(4);
  });

  it("decodes a chunked body after an interim 103 answer, sending the request headers asked for", async () => {
    let range: string | undefined;
    const url = await serve((request, response) => {
      range = request.headers.range;
      response.writeEarlyHints({ link: "</style.css>; rel=preload" });
      response.writeHead(206);
      for (let at = 0; at < body.length; at += 777_777) response.write(body.subarray(at, at + 777_777));
      response.end();
    });
    const socket = new DownloadSocket(url, { Range: "bytes=5-" }, undefined);
    const head = await socket.response();
    expect([head.status, head.headers.get("transfer-encoding")]).toEqual([206, "chunked"]);
    const sink = recorder();
    await socket.pipe(sink.sink);
    expect(range).toBe("bytes=5-");
    expect(createHash("sha256").update(sink.slabs()).digest("hex")).toBe(createHash("sha256").update(body).digest("hex"));
  });

  it("ends when the server closes early, having handed over every byte it took", async () => {
    const url = await serve((_request, response) => {
      response.writeHead(200, { "Content-Length": body.length });
      response.write(body.subarray(0, 2_500_000), () => response.socket?.destroy());
    });
    const socket = new DownloadSocket(url, {}, undefined);
    await socket.response();
    const sink = recorder();
    await socket.pipe(sink.sink);
    expect(sink.data().length).toBeLessThanOrEqual(2_500_000);
    expect(sink.slabs().equals(sink.data())).toBe(true);
    expect(sink.data().equals(body.subarray(0, sink.data().length))).toBe(true);
  });

  it("stops on abort and on a sink error, with the slabs equal to what the sink took", async () => {
    const url = await serve((_request, response) => {
      response.writeHead(200, { "Content-Length": body.length * 4 });
      response.write(body);
      // Then nothing: only the abort ends this.
    });
    const controller = new AbortController();
    const socket = new DownloadSocket(url, {}, controller.signal);
    await socket.response();
    const aborted = recorder();
    const piped = socket.pipe(aborted.sink);
    await new Promise((resolve) => setTimeout(resolve, 200));
    controller.abort(new Error("paused by the user"));
    await expect(piped).rejects.toThrow("paused by the user");
    expect(aborted.slabs().equals(body)).toBe(true);

    const refusing = new DownloadSocket(url, {}, undefined);
    await refusing.response();
    const refused = recorder({ failData: (seen) => seen > 3_000_000 });
    await expect(refusing.pipe(refused.sink)).rejects.toThrow("sink refused");
    expect(refused.slabs().equals(refused.data())).toBe(true);
    expect(refused.data().length).toBeGreaterThan(3_000_000);
  });

  it("keeps a small body that arrived, connection closed and all, before pipe was called", async () => {
    const small = body.subarray(0, 300);
    const url = await serve((_request, response) => response.writeHead(200, { "Content-Length": small.length }).end(small));
    const socket = new DownloadSocket(url, {}, undefined);
    await socket.response();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const sink = recorder();
    await socket.pipe(sink.sink);
    expect(sink.slabs().equals(small)).toBe(true);
    expect(sink.data().equals(small)).toBe(true);
  });

  it("lets go of the abort signal once the connection closes, even for a discarded answer", async () => {
    const url = await serve((_request, response) => response.writeHead(302, { Location: "/elsewhere", "Content-Length": 0 }).end());
    const controller = new AbortController();
    const signal = AbortSignal.any([controller.signal]);
    const sockets = [new DownloadSocket(url, {}, signal), new DownloadSocket(url, {}, signal)];
    expect(getEventListeners(signal, "abort")).toHaveLength(2);
    for (const socket of sockets) {
      await socket.response();
      socket.discard();
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(getEventListeners(signal, "abort")).toHaveLength(0);
  });

  it("fails before the head when nobody listens, and refuses header values that would split the request", async () => {
    const closed = await serve(() => undefined);
    servers.pop()?.close();
    await expect(new DownloadSocket(closed, {}, undefined).response()).rejects.toMatchObject({ code: "ECONNREFUSED" });
    expect(() => new DownloadSocket(closed, { Authorization: "Bearer x\r\nX-Evil: 1" }, undefined)).toThrow(/does not allow/);
  });
});
