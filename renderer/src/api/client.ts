import type { ApiClient } from "../../../shared/api";
import { CHANNELS, type Channel, type RequestOf, type ResponseOf } from "../../../shared/contract";
import { AppError } from "../../../shared/errors";
import type { Transport } from "./transport";

type Invoke = (request: never) => Promise<unknown>;

async function call<C extends Channel>(transport: Transport, channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = await transport.invoke(channel, request);
  if (!result.ok) throw AppError.fromShape(result.error);
  return result.value;
}

/** `api.chat.send({...})`: every contract channel grouped by domain, results unwrapped, failures thrown as AppError. */
export function createClient(transport: Transport): ApiClient {
  const domains: Record<string, Record<string, Invoke>> = {};
  for (const channel of CHANNELS) {
    const [domain = "", verb = ""] = channel.split(".");
    const group = (domains[domain] ??= {});
    group[verb] = (request: RequestOf<typeof channel>) => call(transport, channel, request);
  }
  // The loop above builds exactly the mapped type ApiClient describes; TypeScript cannot follow string splitting.
  return { ...domains, on: transport.on.bind(transport) } as unknown as ApiClient;
}
