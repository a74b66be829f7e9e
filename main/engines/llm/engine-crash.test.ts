import { afterAll, describe, expect, it } from "vitest";
import { firstEvent, generateInput, startLlmHost, storiesLoad } from "../testing/engine-test-support";
import type { LlmDelta } from "./methods";

/** Killing the real LLM engine process mid-generation, as an out-of-memory kill or a native crash would. */
describe("LLM engine crash", () => {
  const { host, logger } = startLlmHost();
  afterAll(() => host.stop());

  it("fails the running call with ENGINE_CRASHED; the next call succeeds on a new process", async () => {
    const streaming = firstEvent<LlmDelta>();
    const call = host.call("generate", generateInput(storiesLoad(), "Tell me a long story.", { maxTokens: 1500 }), {
      onEvent: streaming.onEvent,
    });
    await streaming.received;
    const crashedPid = host.pid;
    expect(crashedPid).toEqual(expect.any(Number));
    process.kill(crashedPid ?? -1, "SIGKILL");

    await expect(call).rejects.toMatchObject({
      code: "ENGINE_CRASHED",
      message: expect.stringMatching(/The llm engine stopped unexpectedly/),
    });
    expect(host.state).toBe("crashed");
    expect(logger.lines.some((line) => line.level === "error" && /stopped unexpectedly/.test(line.message))).toBe(true);

    const next = await host.call("generate", generateInput(storiesLoad(), "Tell me a story about a cat.", { maxTokens: 30 }));
    expect(next.stats.completionTokens).toBe(30);
    expect(host.state).toBe("ready");
    expect(host.pid).not.toBe(crashedPid);
  });
});
