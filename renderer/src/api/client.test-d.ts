import { describe, expectTypeOf, it } from "vitest";
import type { ApiClient } from "../../../shared/api";
import type { RequestOf, ResponseOf } from "../../../shared/contract";
import { createClient } from "./client";
import type { Transport } from "./transport";

describe("renderer client types", () => {
  it("is the contract's ApiClient, grouped by domain", () => {
    expectTypeOf(createClient).returns.toEqualTypeOf<ApiClient>();
    expectTypeOf<ApiClient["chat"]["send"]>().parameter(0).toEqualTypeOf<RequestOf<"chat.send">>();
    expectTypeOf<ApiClient["chat"]["send"]>().returns.resolves.toEqualTypeOf<ResponseOf<"chat.send">>();
    expectTypeOf<ApiClient["jobs"]>().toHaveProperty("cancel");
  });

  it("has no verbs the contract does not have", () => {
    // @ts-expect-error: not a channel
    createClient({} as Transport).chat.nope({});
  });
});
