import { afterEach } from "vitest";
import type { ApiClient } from "../../../shared/api";
import { createClient } from "../api/client";
import { WebSocketTransport } from "../api/ws-transport";
import { WsTestHost, nodeSocket, type Handlers } from "./ws-test-host";

interface HostConnection {
  host: WsTestHost;
  api: ApiClient;
}

/**
 * For the calling test file: `connect` starts a real test host answering from the handlers and a
 * client connected to it over a real socket; every connection is closed after each test.
 */
export function hostConnections(): (handlers?: Handlers) => Promise<HostConnection> {
  const open: { host: WsTestHost; transport: WebSocketTransport }[] = [];
  afterEach(async () => {
    for (const { host, transport } of open.splice(0)) {
      transport.close();
      await host.stop();
    }
  });
  return async (handlers) => {
    const host = await WsTestHost.start(handlers);
    const transport = new WebSocketTransport(host.url, nodeSocket);
    open.push({ host, transport });
    return { host, api: createClient(transport) };
  };
}
