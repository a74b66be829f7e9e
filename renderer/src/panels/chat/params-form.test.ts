import { describe, expect, it } from "vitest";
import { DEFAULT_GENERATION_PARAMS } from "../../../../shared/chat";
import { parseParamsForm, toFormValues } from "./params-form";

describe("conversation settings form", () => {
  it("round-trips the saved values, an empty seed meaning random", () => {
    const values = toFormValues("Be brief.", DEFAULT_GENERATION_PARAMS);
    expect(values.seed).toBe("");
    expect(parseParamsForm(values)).toEqual({ ok: true, systemPrompt: "Be brief.", params: DEFAULT_GENERATION_PARAMS });
    expect(parseParamsForm({ ...values, seed: " 42 " })).toMatchObject({ ok: true, params: { seed: 42 } });
  });

  it("reports each bad field in words", () => {
    const values = toFormValues("", DEFAULT_GENERATION_PARAMS);
    const result = parseParamsForm({ ...values, temperature: "hot", topK: "2.5", contextSize: "64", maxTokens: "" });
    expect(result).toEqual({
      ok: false,
      errors: {
        temperature: "Temperature must be a number.",
        topK: "Top-k must be a whole number.",
        contextSize: "Context size must be between 128 and 1048576.",
        maxTokens: "Max tokens must be a number.",
      },
    });
  });
});
