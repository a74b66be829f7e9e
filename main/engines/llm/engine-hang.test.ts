import { afterAll, afterEach, describe, expect, it } from "vitest";
import type { EngineLiveness } from "../engine-liveness";
import { isAlive } from "../testing/probe-host";
import { firstEvent, generateInput, startBuiltEngine, startLlmHost, storiesLoad } from "../testing/engine-test-support";
import type { OnnxMethods } from "../onnx/methods";
import type { LlmDelta } from "./methods";

/** The real LLM engine process stopped with SIGSTOP mid-reply, as a driver deadlock or an endless native loop would leave it. */
const LIVENESS: EngineLiveness = { heartbeatIntervalMs: 200, hangTimeoutMs: 3_000, cancelAckMs: 1_000 };

const stoppedPids: number[] = [];
afterEach(() => {
  for (const pid of stoppedPids.splice(0)) if (isAlive(pid)) process.kill(pid, "SIGKILL");
});

async function stoppedMidReply(host: ReturnType<typeof startLlmHost>["host"], signal?: AbortSignal) {
  const streaming = firstEvent<LlmDelta>();
  const reply = host
    .call("generate", generateInput(storiesLoad(), "Tell me a long story.", { maxTokens: 4000 }), { onEvent: streaming.onEvent, ...(signal ? { signal } : {}) })
    .catch((error: unknown) => error);
  await streaming.received;
  const pid = host.pid ?? -1;
  stoppedPids.push(pid);
  process.kill(pid, "SIGSTOP");
  return { reply, pid, stoppedAt: performance.now() };
}

async function nextReplyWorks(host: ReturnType<typeof startLlmHost>["host"], hungPid: number): Promise<void> {
  const next = await host.call("generate", generateInput(storiesLoad(), "Tell me a story about a cat.", { maxTokens: 30 }));
  expect(next.stats.completionTokens).toBe(30);
  expect(host.state).toBe("ready");
  expect(host.pid).not.toBe(hungPid);
  expect(isAlive(hungPid)).toBe(false);
}

describe("LLM engine hang", () => {
  const { host, logger } = startLlmHost({ liveness: LIVENESS });
  const onnx = startBuiltEngine<OnnxMethods>("onnx");
  afterAll(() => Promise.all([host.stop(), onnx.host.stop()]));

  it("fails the reply with ENGINE_HUNG within the limit while another engine keeps answering; the next reply runs on a new process", async () => {
    await onnx.host.call("providers", {});
    const { reply, pid, stoppedAt } = await stoppedMidReply(host);

    const answers: number[] = [];
    while (host.state === "ready") {
      const askedAt = performance.now();
      expect(await onnx.host.call("providers", {})).toContain("cpu");
      answers.push(performance.now() - askedAt);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(Math.max(...answers)).toBeLessThan(1_000);

    expect(await reply).toMatchObject({ code: "ENGINE_HUNG", message: expect.stringMatching(/The llm engine stopped responding/) });
    expect(performance.now() - stoppedAt).toBeLessThan(LIVENESS.hangTimeoutMs + 2_000);
    expect(host.state).toBe("crashed");
    expect(logger.lines.some((line) => line.level === "error" && /stopped responding/.test(line.message))).toBe(true);
    await nextReplyWorks(host, pid);
  });

  it("cancel of a stopped reply ends it as CANCELLED and kills the engine once it does not acknowledge", async () => {
    const controller = new AbortController();
    const { reply, pid } = await stoppedMidReply(host, controller.signal);
    const cancelledAt = performance.now();
    controller.abort();
    expect(await reply).toMatchObject({ code: "CANCELLED" });
    expect(performance.now() - cancelledAt).toBeLessThan(2_500);
    while (host.state === "ready") await new Promise((resolve) => setTimeout(resolve, 50));
    expect(performance.now() - cancelledAt).toBeLessThan(LIVENESS.cancelAckMs + 1_500);
    expect(host.state).toBe("crashed");
    await nextReplyWorks(host, pid);
  });
});
