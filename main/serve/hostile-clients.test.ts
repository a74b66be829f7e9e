import { once } from "node:events";
import { connect as netConnect, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type WebSocket from "ws";
import { SERVE_TIMEOUTS } from "./server";
import { MAX_FRAME_NESTING } from "./socket-session";
import { frames, maskedTextFrame, openSocket, rawGet, rawWebSocket, resultFor, startServeRig, type ServeRig } from "./serve-test-kit";

let rig: ServeRig;
const sockets: WebSocket[] = [];

beforeAll(async () => {
  rig = await startServeRig();
});

afterAll(async () => {
  for (const socket of sockets) socket.terminate();
  await rig.close();
});

async function socket(): Promise<WebSocket> {
  const opened = await openSocket(rig.server);
  sockets.push(opened);
  return opened;
}

/** How long until the server closes a raw connection, and what it sent before. */
async function closedAfter(connection: Socket): Promise<{ ms: number; received: string }> {
  const started = Date.now();
  let received = "";
  connection.on("data", (chunk: Buffer) => (received += chunk.toString("latin1")));
  connection.on("error", () => undefined);
  await once(connection, "close");
  return { ms: Date.now() - started, received };
}

describe("slow clients", () => {
  const bound = SERVE_TIMEOUTS.headersMs + SERVE_TIMEOUTS.checkEveryMs + 1_500;

  it(`cuts off a client dribbling a header byte a second within ${bound} ms, and an idle keep-alive one`, async () => {
    const host = `127.0.0.1:${rig.port}`;
    const dribbler = netConnect(rig.port, "127.0.0.1");
    dribbler.write(`GET /?token=${rig.server.token} HTTP/1.1\r\nHost: ${host}\r\nX-Slow: `);
    const drip = setInterval(() => dribbler.writable && dribbler.write("a"), 1_000);

    const idle = netConnect(rig.port, "127.0.0.1");
    idle.write(`GET /?token=${rig.server.token} HTTP/1.1\r\nHost: ${host}\r\nConnection: keep-alive\r\n\r\n`);

    try {
      // Meanwhile everyone else is served.
      expect((await rawGet(rig.port, `/?token=${rig.server.token}`, { host })).status).toBe(200);
      const [dribbled, idled] = await Promise.all([closedAfter(dribbler), closedAfter(idle)]);
      expect(dribbled.ms).toBeLessThan(bound);
      expect(dribbled.received).toMatch(/^HTTP\/1\.1 408/);
      expect(idled.received).toMatch(/^HTTP\/1\.1 200/);
      expect(idled.ms).toBeLessThan(SERVE_TIMEOUTS.keepAliveMs + SERVE_TIMEOUTS.checkEveryMs + 1_500);
    } finally {
      clearInterval(drip);
      dribbler.destroy();
      idle.destroy();
    }
  }, 30_000);
});

describe("hostile WebSocket frames", () => {
  /** The frame from the issue: 5.7 MiB, nested three million deep. */
  const deepFrame = (id: number) => `{"type":"invoke","id":${id},"channel":"app.info","request":${"[".repeat(3_000_000)}${"]".repeat(3_000_000)}}`;

  it("refuses a frame nested three million deep at once, while another client keeps being answered", async () => {
    // Prepared before the clock starts and sent by hand, so the time measured is the server's.
    const frame = maskedTextFrame(Buffer.from(deepFrame(1)));
    expect(frame.length).toBeGreaterThan(5.7 * 1024 * 1024);
    const attacker = await rawWebSocket(rig.server);
    const bystander = await socket();
    const bystanderFrames = frames(bystander);

    const latencies: number[] = [];
    let running = true;
    const pinging = (async () => {
      for (let id = 1; running; id++) {
        const sent = performance.now();
        bystander.send(JSON.stringify({ type: "invoke", id, channel: "app.info", request: {} }));
        await bystanderFrames(resultFor(id));
        latencies.push(performance.now() - sent);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();

    await new Promise((resolve) => setTimeout(resolve, 50));
    const sent = performance.now();
    attacker.socket.write(frame);
    while (!attacker.received().includes("INVALID_INPUT") && performance.now() - sent < 5_000) await new Promise((resolve) => setTimeout(resolve, 2));
    const refusedAfter = performance.now() - sent;
    await new Promise((resolve) => setTimeout(resolve, 100));
    running = false;
    await pinging;
    attacker.socket.destroy();

    expect(attacker.received()).toContain(`"id":1,"result":{"ok":false,"error":{"code":"INVALID_INPUT","message":"Refused a request nested deeper than ${MAX_FRAME_NESTING} levels`);
    expect(refusedAfter).toBeLessThan(1_000);
    expect(latencies.length).toBeGreaterThan(5);
    expect(Math.max(...latencies)).toBeLessThan(400);
  }, 30_000);

  it(`answers ${MAX_FRAME_NESTING} levels through the contract and refuses one more unread`, async () => {
    const client = await socket();
    const next = frames(client);
    const nested = (levels: number) => `${"[".repeat(levels)}${"]".repeat(levels)}`;
    // The frame object itself is one level.
    client.send(`{"type":"invoke","id":10,"channel":"chat.get","request":${nested(MAX_FRAME_NESTING - 1)}}`);
    client.send(`{"type":"invoke","id":11,"channel":"chat.get","request":${nested(MAX_FRAME_NESTING)}}`);
    expect(await next(resultFor(10))).toMatchObject({ result: { ok: false, error: { code: "INVALID_INPUT", message: expect.not.stringContaining("deeper than") } } });
    expect(await next(resultFor(11))).toMatchObject({ result: { ok: false, error: { code: "INVALID_INPUT", message: expect.stringContaining("deeper than") } } });
  });

  it("closes a socket whose frame is over the size bound, and only that one", async () => {
    const [big, other] = [await socket(), await socket()];
    const closed = once(big, "close");
    big.send(JSON.stringify({ type: "invoke", id: 1, channel: "app.info", request: { pad: "x".repeat(9 * 1024 * 1024) } }));
    const [code] = (await closed) as [number];
    expect(code).toBe(1009);
    const next = frames(other);
    other.send(JSON.stringify({ type: "invoke", id: 1, channel: "app.info", request: {} }));
    expect(await next(resultFor(1))).toMatchObject({ result: { ok: true } });
  });
});
