import { mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_GENERATION_PARAMS, type Conversation } from "../../shared/chat";
import { silentLogger } from "../log/types";
import { message } from "./chat-messages";
import { ChatStore } from "./chat-store";
import { appendTurn } from "./chat-tree";

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "atelier-chats-"));
});

function conversation(id: string, updatedAt = 1): Conversation {
  return { id, title: id, modelId: null, systemPrompt: "", params: DEFAULT_GENERATION_PARAMS, messages: [], activeLeafId: null, createdAt: 1, updatedAt };
}

describe("chat store", () => {
  it("keeps one file per conversation and lists them newest first after a restart", async () => {
    const store = new ChatStore(dir, silentLogger);
    await store.create(conversation("c-old", 1));
    await store.create(conversation("c-new", 2));
    expect((await readdir(dir)).sort()).toEqual(["c-new.json", "c-old.json"]);
    const reopened = new ChatStore(dir, silentLogger);
    expect((await reopened.summaries()).map((s) => s.id)).toEqual(["c-new", "c-old"]);
    await reopened.delete("c-old");
    expect(await readdir(dir)).toEqual(["c-new.json"]);
    await expect(reopened.get("c-old")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("applies concurrent updates one after another, none lost", async () => {
    const store = new ChatStore(dir, silentLogger);
    await store.create(conversation("c-1"));
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => store.update("c-1", (c) => ({ ...c, systemPrompt: `${c.systemPrompt}${i},` }))),
    );
    const saved = await new ChatStore(dir, silentLogger).get("c-1");
    expect(saved.systemPrompt.split(",").filter(Boolean)).toHaveLength(20);
  });

  it("moves a corrupt file aside, skips files that are not conversations, and settles interrupted replies", async () => {
    await writeFile(path.join(dir, "c-bad.json"), "{ broken");
    await writeFile(path.join(dir, "c-other.json"), JSON.stringify(conversation("c-mismatch")));
    await writeFile(path.join(dir, "Not An Id.json"), JSON.stringify(conversation("x")));
    const streaming = appendTurn(conversation("c-live"), message("user", "hi"), message("assistant", "half"), 2);
    await writeFile(path.join(dir, "c-live.json"), JSON.stringify(streaming));
    const store = new ChatStore(dir, silentLogger);
    expect((await store.summaries()).map((s) => s.id)).toEqual(["c-live"]);
    expect((await store.get("c-live")).messages[1]).toMatchObject({ status: "error", content: "half" });
    expect((await readdir(dir)).some((name) => name.startsWith("c-bad.json.corrupt-"))).toBe(true);
  });
});
