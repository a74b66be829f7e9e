import path from "node:path";
import type { Job } from "../../shared/jobs";
import type { Conversation } from "../../shared/chat";
import { LLM_BENCH, rate, type RunTiming } from "./bench-config";
import { startServeProcess } from "./serve-process";
import { BenchClient } from "./ws-client";

/** The same workload through client ← WebSocket ← host ← engine process. */
export async function openStackLlm(): Promise<{ run(): Promise<RunTiming>; close(): Promise<void> }> {
  const server = await startServeProcess([LLM_BENCH.modelPath], { llm: { threads: LLM_BENCH.threads } });
  const client = await BenchClient.connect(server.url);
  const modelId = (await client.invoke("models.list", {})).find((m) => m.path.endsWith(path.basename(LLM_BENCH.modelPath)))?.id;
  if (!modelId) throw new Error("the served host did not discover the benchmark model");

  async function run(): Promise<RunTiming> {
    const conversation = await client.invoke("chat.create", {
      modelId,
      systemPrompt: LLM_BENCH.systemPrompt,
      params: {
        temperature: LLM_BENCH.temperature, topP: LLM_BENCH.topP, topK: LLM_BENCH.topK,
        maxTokens: LLM_BENCH.maxTokens, seed: LLM_BENCH.seed, contextSize: LLM_BENCH.contextSize,
      },
    });
    let firstAt = 0;
    let jobId = "";
    const finished = waitForReply(client, conversation.id, () => jobId, () => {
      if (firstAt === 0) firstAt = performance.now();
    });
    const startAt = performance.now();
    jobId = (await client.invoke("chat.send", { conversationId: conversation.id, content: LLM_BENCH.prompt })).jobId;
    const { endAt, conversation: done } = await finished;
    const tokens = done.messages.at(-1)?.stats?.completionTokens ?? 0;
    await client.invoke("chat.delete", { id: conversation.id });
    return { ttftMs: firstAt - startAt, tokensPerSecond: rate(tokens, firstAt, endAt), tokens };
  }

  return {
    run,
    async close() {
      client.close();
      await server.stop();
    },
  };
}

/** Resolves once the job has ended and the finished reply is persisted; endAt is whichever came first. */
function waitForReply(
  client: BenchClient,
  conversationId: string,
  jobId: () => string,
  onDelta: () => void,
): Promise<{ endAt: number; conversation: Conversation }> {
  return new Promise((resolve, reject) => {
    let endAt = 0;
    let jobDone = false;
    let finalConversation: Conversation | undefined;
    const settle = () => {
      if (!jobDone || !finalConversation) return;
      off();
      resolve({ endAt, conversation: finalConversation });
    };
    const off = client.onEvent((event, payload) => {
      if (event === "chat.delta") onDelta();
      if (event === "job.updated") {
        const job = payload as Job;
        if (job.id !== jobId() || !["succeeded", "failed", "cancelled"].includes(job.status)) return;
        if (job.status !== "succeeded") return reject(new Error(job.error?.message ?? job.status));
        endAt ||= performance.now();
        jobDone = true;
      }
      if (event === "chat.updated") {
        const updated = (payload as { conversation: Conversation }).conversation;
        if (updated.id !== conversationId || updated.messages.at(-1)?.status !== "complete") return;
        endAt ||= performance.now();
        finalConversation = updated;
      }
      settle();
    });
  });
}
