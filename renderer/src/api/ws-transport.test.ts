import { afterEach, describe, expect, it } from "vitest";
import { WsTestHost, nodeSocket } from "../test-support/ws-test-host";
import type { ConnectionState } from "./transport";
import { WebSocketTransport } from "./ws-transport";

let host: WsTestHost | undefined;
let transport: WebSocketTransport | undefined;
afterEach(async () => {
  transport?.close();
  await host?.stop();
});

function waitForState(target: WebSocketTransport, state: ConnectionState): Promise<void> {
  return new Promise((resolve) => {
    const stop = target.onConnection((current) => {
      if (current === state) {
        queueMicrotask(() => stop());
        resolve();
      }
    });
  });
}

describe("WebSocketTransport", () => {
  it("sends invokes made before the socket opened, once it opens", async () => {
    host = await WsTestHost.start({ "jobs.clearFinished": () => ({ removed: 3 }) });
    transport = new WebSocketTransport(host.url, nodeSocket);
    const result = await transport.invoke("jobs.clearFinished", {});
    expect(result).toEqual({ ok: true, value: { removed: 3 } });
  });

  it("delivers pushed events to the listeners of that event only", async () => {
    host = await WsTestHost.start();
    transport = new WebSocketTransport(host.url, nodeSocket);
    await waitForState(transport, "open");
    const deleted: string[] = [];
    const stop = transport.on("chat.deleted", ({ id }) => deleted.push(id));
    transport.on("models.changed", () => deleted.push("wrong"));
    host.emit("chat.deleted", { id: "first" });
    await expect.poll(() => deleted).toEqual(["first"]);
    stop();
    host.emit("chat.deleted", { id: "second" });
    host.emit("chat.deleted", { id: "third" });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(deleted).toEqual(["first"]);
  });

  it("fails a pending invoke with a clear error when the socket drops, then reconnects", async () => {
    let release: () => void = () => {};
    host = await WsTestHost.start({
      "jobs.clearFinished": () => new Promise((resolve) => (release = () => resolve({ removed: 0 }))),
      "jobs.list": () => [],
    });
    transport = new WebSocketTransport(host.url, nodeSocket);
    const states: ConnectionState[] = [];
    transport.onConnection((state) => states.push(state));
    await waitForState(transport, "open");
    const pending = transport.invoke("jobs.clearFinished", {});
    await expect.poll(() => host?.received.length).toBe(1);
    host.dropClients();
    const result = await pending;
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/connection to Atelier dropped/);
    release();

    expect(states).toContain("reconnecting");
    const whileDown = await transport.invoke("jobs.list", {});
    expect(whileDown.ok).toBe(false);
    await waitForState(transport, "open");
    expect(await transport.invoke("jobs.list", {})).toEqual({ ok: true, value: [] });
    expect(states).toEqual(["connecting", "open", "reconnecting", "open"]);
  });

  it("keeps retrying while the host is away", async () => {
    host = await WsTestHost.start({ "jobs.list": () => [] });
    const url = host.url;
    transport = new WebSocketTransport(url, nodeSocket);
    await waitForState(transport, "open");
    const port = Number(new URL(url).port);
    await host.stop();
    await waitForState(transport, "reconnecting");
    await new Promise((resolve) => setTimeout(resolve, 600));
    host = await WsTestHost.start({ "jobs.list": () => [] }, port);
    await waitForState(transport, "open");
    expect(await transport.invoke("jobs.list", {})).toEqual({ ok: true, value: [] });
  });
});
