import { describe, expectTypeOf, it } from "vitest";
import type { ApiClient, PreloadBridge, PreloadInvokers } from "../shared/api";
import type { Channel, EventName, ParsedRequestOf, RequestOf, ResponseOf } from "../shared/contract";
import type { WireResult } from "../shared/errors";
import type { Handlers, Router } from "../main/router";
import type { Host } from "../main/host";
import type { Transport } from "../renderer/src/api/transport";
import type { createPreloadTransport } from "../renderer/src/api/preload-transport";
import type { IpcHost } from "./ipc";

// The three sides of the contract — host router, Electron preload, renderer client —
// are each typed from shared/contract.ts; these checks fail to compile if any drifts.

type ClientFunction<C extends Channel> = C extends `${infer D}.${infer V}`
  ? D extends keyof ApiClient
    ? V extends keyof ApiClient[D]
      ? ApiClient[D][V]
      : never
    : never
  : never;
type Fn = (...args: never[]) => unknown;
type FirstParameter<F> = F extends (request: infer R, ...rest: never[]) => unknown ? R : never;
type Resolved<F> = F extends Fn ? Awaited<ReturnType<F>> : never;

type Requests = { [C in Channel]: RequestOf<C> };
type ParsedRequests = { [C in Channel]: ParsedRequestOf<C> };
type Responses = { [C in Channel]: ResponseOf<C> };
type WireResponses = { [C in Channel]: WireResult<ResponseOf<C>> };

describe("contract agreement", () => {
  it("the renderer client sends each channel's request and resolves its response", () => {
    expectTypeOf<{ [C in Channel]: FirstParameter<ClientFunction<C>> }>().toEqualTypeOf<Requests>();
    expectTypeOf<{ [C in Channel]: Resolved<ClientFunction<C>> }>().toEqualTypeOf<Responses>();
  });

  it("the preload exposes one function per channel answering the wire envelope", () => {
    expectTypeOf<keyof PreloadInvokers>().toEqualTypeOf<Channel>();
    expectTypeOf<{ [C in Channel]: FirstParameter<PreloadInvokers[C]> }>().toEqualTypeOf<Requests>();
    expectTypeOf<{ [C in Channel]: Resolved<PreloadInvokers[C]> }>().toEqualTypeOf<WireResponses>();
    expectTypeOf<PreloadBridge["on"]>().toEqualTypeOf<Transport["on"]>();
    expectTypeOf<typeof createPreloadTransport>().parameter(0).toEqualTypeOf<PreloadBridge>();
  });

  it("the host router handles each channel's parsed request and returns its response", () => {
    expectTypeOf<keyof Handlers>().toEqualTypeOf<Channel>();
    expectTypeOf<{ [C in Channel]: FirstParameter<Handlers[C]> }>().toEqualTypeOf<ParsedRequests>();
    expectTypeOf<{ [C in Channel]: Resolved<Handlers[C]> }>().toEqualTypeOf<Responses>();
  });

  it("the transports carry the same envelope and events", () => {
    expectTypeOf<Awaited<ReturnType<Router["handle"]>>>().toEqualTypeOf<WireResult<unknown>>();
    expectTypeOf<Host>().toExtend<IpcHost>();
    expectTypeOf<Parameters<Transport["on"]>[0]>().toEqualTypeOf<EventName>();
  });
});
