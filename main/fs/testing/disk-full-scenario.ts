/**
 * Run by disk-full.test.ts inside a private mount namespace (see private-mount.ts): argv[2] is
 * a small tmpfs used as the data dir, argv[3] a folder with a GGUF model. It drives a real
 * host through a full disk and prints what it observed as one JSON line.
 */
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { errorCodeOf, EventLog, invoke, openTestHost } from "../../host-test-kit";
import { TEMP_MARKER } from "../durable-write";
import { emptyDisk, fillDisk } from "./disk-filler";

const [dataDir = "", modelDir = ""] = process.argv.slice(2);

async function main(): Promise<void> {
  await writeFile(path.join(dataDir, "settings.json"), JSON.stringify({ llm: { threads: 1 }, models: { folders: [modelDir] } }));
  let host = await openTestHost(dataDir);
  let log = new EventLog(host);
  const model = (await invoke(host, "models.list", {})).find((m) => m.family === "llm");
  if (!model) throw new Error(`no LLM model found in ${modelDir}`);
  const conversation = await invoke(host, "chat.create", { modelId: model.id, params: { maxTokens: 20 } });
  const chatFile = path.join(dataDir, "chats", `${conversation.id}.json`);
  const first = await invoke(host, "chat.send", { conversationId: conversation.id, content: "Once upon a time" });
  const firstJob = await log.finalJob(first.jobId);

  // A nearly full disk: a save that does not fit fails and the saved versions stay whole.
  const chatBefore = await readFile(chatFile, "utf8");
  const settingsBefore = await readFile(path.join(dataDir, "settings.json"), "utf8");
  await fillDisk(dataDir, 4096);
  const chatUpdate = await errorCodeOf(invoke(host, "chat.update", { id: conversation.id, systemPrompt: "You are a storyteller. ".repeat(600) }));
  await fillDisk(dataDir);
  const settingsUpdate = await errorCodeOf(invoke(host, "settings.update", { llm: { threads: 2 } }));
  const threadsAfterFailedSave = (await invoke(host, "settings.get", {})).llm.threads;
  const chatFileKept = (await readFile(chatFile, "utf8")) === chatBefore;
  const settingsFileKept = (await readFile(path.join(dataDir, "settings.json"), "utf8")) === settingsBefore;
  const systemPromptKept = (await invoke(host, "chat.get", { id: conversation.id })).systemPrompt === conversation.systemPrompt;
  await emptyDisk(dataDir);

  // The disk fills while a reply streams.
  await invoke(host, "chat.update", { id: conversation.id, params: { maxTokens: 400 } });
  const second = await invoke(host, "chat.send", { conversationId: conversation.id, content: "Tell me a long story" });
  let streamed = "";
  let filling: Promise<void> | undefined;
  host.events.subscribe((event, payload) => {
    if (event !== "chat.delta" || payload.jobId !== second.jobId) return;
    streamed += payload.text;
    filling ??= fillDisk(dataDir);
  });
  const secondJob = await log.finalJob(second.jobId, 120_000);
  await filling;
  const shown = (await invoke(host, "chat.get", { id: conversation.id })).messages.find((m) => m.id === second.assistantMessageId);
  await emptyDisk(dataDir);
  await host.dispose();

  host = await openTestHost(dataDir);
  log = new EventLog(host);
  const reopened = (await invoke(host, "chat.get", { id: conversation.id })).messages.find((m) => m.id === second.assistantMessageId);
  const jobsAfterRestart = (await invoke(host, "jobs.list", {})).map((job) => job.id);
  await host.dispose();

  process.stdout.write(
    `${JSON.stringify({
      firstJob: firstJob.status,
      chatUpdate,
      settingsUpdate,
      threadsAfterFailedSave,
      chatFileKept,
      settingsFileKept,
      systemPromptKept,
      secondJob: { status: secondJob.status, code: secondJob.error?.code ?? null },
      streamedLength: streamed.length,
      shown: shown && { status: shown.status, length: shown.content.length, error: shown.error ?? null },
      reopened: reopened && { status: reopened.status, length: reopened.content.length },
      jobsAfterRestart,
      firstJobId: first.jobId,
      tempFiles: await tempFilesIn(dataDir),
    })}\n`,
  );
}

async function tempFilesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true });
  return entries.filter((name) => name.includes(TEMP_MARKER));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
