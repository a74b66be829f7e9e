import { z } from "zod";
import type { RequestContext } from "../shared/api";
import { invokeContract, isChannel, type Channel, type ParsedRequestOf, type ResponseOf } from "../shared/contract";
import { AppError, toAppErrorShape, type WireResult } from "../shared/errors";
import type { Logger } from "./log/types";
import { silentLogger } from "./log/types";

/** One handler per channel, typed from the contract: `(request, ctx)`, never a transport's event. */
export type Handlers = {
  [C in Channel]: (request: ParsedRequestOf<C>, ctx: RequestContext) => Promise<ResponseOf<C>>;
};

/** The handlers of one domain: `HandlersFor<"chat">` covers every `chat.*` channel. */
export type HandlersFor<Domain extends string> = Pick<Handlers, Extract<Channel, `${Domain}.${string}`>>;

export interface Router {
  /** Validates and dispatches one request. Never throws: every failure is an error result. */
  handle(channel: unknown, request: unknown, ctx: RequestContext): Promise<WireResult<unknown>>;
}

const MESSAGE_LIMIT = 2000;

export function createRouter(handlers: Handlers, logger: Logger = silentLogger): Router {
  async function dispatch<C extends Channel>(channel: C, request: unknown, ctx: RequestContext): Promise<WireResult<unknown>> {
    const parsed = invokeContract[channel].request.safeParse(request);
    if (!parsed.success) {
      return invalid(`Invalid request for ${channel}: ${describe(parsed.error)}`);
    }
    const handler = handlers[channel] as (request: ParsedRequestOf<C>, ctx: RequestContext) => Promise<ResponseOf<C>>;
    try {
      return { ok: true, value: await handler(parsed.data as ParsedRequestOf<C>, ctx) };
    } catch (error) {
      const shape = toAppErrorShape(error);
      if (!(error instanceof AppError) || shape.code === "INTERNAL") {
        logger.log("error", "router", `${channel} failed`, { error, origin: ctx.origin });
      }
      return { ok: false, error: shape };
    }
  }

  return {
    async handle(channel, request, ctx) {
      try {
        if (!isChannel(channel)) {
          return invalid(`Unknown channel ${typeof channel === "string" ? JSON.stringify(channel.slice(0, 100)) : typeof channel}.`);
        }
        return await dispatch(channel, request, ctx);
      } catch (error) {
        logger.log("error", "router", "Request handling failed", { error });
        return { ok: false, error: { code: "INTERNAL", message: "The request could not be handled." } };
      }
    },
  };
}

function invalid(message: string): WireResult<unknown> {
  return { ok: false, error: { code: "INVALID_INPUT", message } };
}

/** zod's readable summary, shortened: a huge payload must not echo back whole. */
function describe(error: z.ZodError): string {
  const text = z.prettifyError(error).replace(/\s*\n\s*/g, " ");
  return text.length > MESSAGE_LIMIT ? `${text.slice(0, MESSAGE_LIMIT)}…` : text;
}
