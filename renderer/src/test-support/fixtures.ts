import { DEFAULT_GENERATION_PARAMS, type ChatMessage, type Conversation } from "../../../shared/chat";
import type { Download } from "../../../shared/library";
import type { Job } from "../../../shared/jobs";

export function message(id: string, parentId: string | null, role: ChatMessage["role"], extra: Partial<ChatMessage> = {}): ChatMessage {
  return { id, parentId, role, content: `${role} ${id}`, createdAt: Number(id.replace(/\D/g, "")) || 0, ...extra };
}

export function conversation(messages: ChatMessage[], activeLeafId: string | null, extra: Partial<Conversation> = {}): Conversation {
  return {
    id: "c1",
    title: "Story time",
    modelId: "stories260k",
    systemPrompt: "",
    params: DEFAULT_GENERATION_PARAMS,
    messages,
    activeLeafId,
    createdAt: 1,
    updatedAt: 2,
    ...extra,
  };
}

export function job(id: string, status: Job["status"], fraction = 0): Job {
  return { id, kind: "chat.generate", engine: "llm", title: `Job ${id}`, status, progress: { fraction }, createdAt: 1 };
}

export function download(id: string, state: Download["state"], extra: Partial<Download> = {}): Download {
  return {
    id,
    modelId: `model-${id}`,
    name: `Model ${id}`,
    family: "llm",
    repo: "org/models",
    revision: "main",
    state,
    files: [{ path: `${id}.gguf`, size: 100, receivedBytes: 0, verified: false }],
    receivedBytes: 0,
    totalBytes: 100,
    bytesPerSecond: 0,
    etaSeconds: null,
    attempts: 0,
    createdAt: 1,
    updatedAt: 1,
    ...extra,
  };
}
