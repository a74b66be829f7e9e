import type { AppErrorShape, WireResult } from "./errors";
import type { Channel, EventListener, EventName, RequestOf, ResponseOf, Unsubscribe } from "./contract";

/** The bridge the Electron preload exposes as `window.atelier`: one function per channel. */
export type PreloadInvokers = {
  [C in Channel]: (request: RequestOf<C>) => Promise<WireResult<ResponseOf<C>>>;
};
export interface PreloadBridge {
  invoke: PreloadInvokers;
  on<E extends EventName>(event: E, listener: EventListener<E>): Unsubscribe;
}

type DomainOf<C extends string> = C extends `${infer D}.${string}` ? D : never;
export type Domain = DomainOf<Channel>;

/** The renderer's client: `api.chat.send({...})`, grouped by domain, errors thrown as AppError. */
export type ApiClient = {
  [D in Domain]: {
    [C in Channel as C extends `${D}.${infer Verb}` ? Verb : never]: (request: RequestOf<C>) => Promise<ResponseOf<C>>;
  };
} & {
  on<E extends EventName>(event: E, listener: EventListener<E>): Unsubscribe;
};

/** Host-side handler for one channel: `(request, ctx)`, never a transport's own event object. */
export interface RequestContext {
  /** Which transport delivered the request, for logs. */
  origin: "ipc" | "ws" | "test";
}

export type { AppErrorShape, WireResult };
