import type { PreloadBridge } from "../../../shared/api";
import type { Channel, RequestOf } from "../../../shared/contract";
import type { Transport } from "./transport";

/** The desktop transport: the preload's typed functions; IPC never drops, so it is always open. */
export function createPreloadTransport(bridge: PreloadBridge): Transport {
  return {
    invoke<C extends Channel>(channel: C, request: RequestOf<C>) {
      const invoker: PreloadBridge["invoke"][C] = bridge.invoke[channel];
      return invoker(request);
    },
    on: (event, listener) => bridge.on(event, listener),
    onConnection(listener) {
      listener("open");
      return () => {};
    },
  };
}
