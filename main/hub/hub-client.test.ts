import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTestHub, type TestHub } from "../../scripts/hub-server/test-hub";
import { AppError } from "../../shared/errors";
import { HubClient } from "./hub-client";
import { GATED_MESSAGE, TransientError } from "./hub-errors";
import { httpGet } from "./http-get";

let hub: TestHub;
const TOKEN = "hf_test_token_123";

beforeEach(async () => {
  hub = await startTestHub({ pageSize: 2, token: TOKEN });
  await hub.createRepo("owner/model-GGUF", {
    files: [
      { path: "model.Q4_K_M.gguf", size: 4096 },
      { path: "model.Q8_0.gguf", size: 8192 },
      { path: "README.md", content: "# hi" },
    ],
  });
});

afterEach(async () => {
  await hub.close();
});

const client = (token?: string) => new HubClient({ endpoint: () => hub.url, token: async () => token });
const ref = (path: string, repo = "owner/model-GGUF") => ({ repo, revision: "main", path });
const signal = () => new AbortController().signal;

async function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(() => "resolved", (error: unknown) => error);
}

describe("HubClient", () => {
  it("lists every file across pages, with LFS sha256 for weights only", async () => {
    const files = await client().listFiles("owner/model-GGUF", "main");
    expect(files.map((file) => [file.path, file.size, file.sha256 !== undefined]).sort()).toEqual([
      ["README.md", 4, false],
      ["model.Q4_K_M.gguf", 4096, true],
      ["model.Q8_0.gguf", 8192, true],
    ]);
    expect(hub.requests.filter((r) => r.url.includes("/tree/"))).toHaveLength(2);
  });

  it("says which repository or revision does not exist", async () => {
    const error = await caught(client().listFiles("owner/model-GGUF", "v9"));
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "NOT_FOUND", message: expect.stringContaining("owner/model-GGUF at v9") });
  });

  it("searches GGUF repositories", async () => {
    await hub.createRepo("someone/gated-GGUF", { gated: true, files: [{ path: "g.Q2_K.gguf", size: 10 }] });
    await hub.createRepo("someone/onnx-only", { files: [{ path: "model.onnx", size: 10 }] });
    const found = await client().search("GGUF", { ggufOnly: true, limit: 10 });
    expect(found.map((model) => [model.repo, model.gated])).toEqual([
      ["owner/model-GGUF", false],
      ["someone/gated-GGUF", true],
    ]);
    expect(await client().search("onnx", { ggufOnly: false, limit: 10 })).toHaveLength(1);
    expect(await client().search("onnx", { ggufOnly: true, limit: 10 })).toHaveLength(0);
  });

  it("follows the redirect to the CDN with a Range, sending the token to the hub only", async () => {
    const response = await client(TOKEN).openFile(ref("model.Q8_0.gguf"), 8000, signal());
    expect(response.status).toBe(206);
    expect(response.url.origin).toBe(hub.cdnUrl);
    let length = 0;
    await response.pipe({ data: (bytes) => void (length += bytes.length), slab: async () => undefined });
    expect(length).toBe(192);
    const [resolve, cdn] = hub.requests.slice(-2);
    expect(resolve).toMatchObject({ server: "hub", status: 302, authorization: `Bearer ${TOKEN}`, range: "bytes=8000-" });
    expect(cdn).toMatchObject({ server: "cdn", status: 206, range: "bytes=8000-" });
    expect(cdn?.authorization).toBeUndefined();
  });

  it("keeps the token across a relative redirect on the same origin", async () => {
    const seen: (string | undefined)[] = [];
    const server = createServer((request, response) => {
      seen.push(request.headers.authorization);
      if (request.url === "/first") response.writeHead(307, { Location: "/second" }).end();
      else response.writeHead(200).end("ok");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/first`);
      const response = await httpGet(url, { token: TOKEN });
      response.body.resume();
      expect(response.status).toBe(200);
      expect(response.url.pathname).toBe("/second");
      expect(seen).toEqual([`Bearer ${TOKEN}`, `Bearer ${TOKEN}`]);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it.each([
    ["401", "DOWNLOAD_FAILED", GATED_MESSAGE],
    ["403", "DOWNLOAD_FAILED", GATED_MESSAGE],
    ["404", "DOWNLOAD_FAILED", "Not found on the hub: model.Q4_K_M.gguf in owner/model-GGUF at main."],
  ] as const)("turns %s into a clear error", async (kind, code, message) => {
    hub.setFaults({ rules: [{ kind }] });
    const error = await caught(client().openFile(ref("model.Q4_K_M.gguf"), 0, signal()));
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code, message });
  });

  it("tells a missing repository from a gated one, as the real hub's error codes do", async () => {
    const error = await caught(client().openFile(ref("model.gguf", "nobody/nothing"), 0, signal()));
    expect(error).toMatchObject({ code: "DOWNLOAD_FAILED", message: expect.stringContaining("Not found on the hub: nobody/nothing at main") });
  });

  it("marks 5xx as worth retrying", async () => {
    hub.setFaults({ rules: [{ kind: "500" }] });
    const error = await caught(client().openFile(ref("model.Q4_K_M.gguf"), 0, signal()));
    expect(error).toBeInstanceOf(TransientError);
    expect((error as TransientError).status).toBe(500);
  });

  it("asks for a token on gated repositories, and refuses a wrong one", async () => {
    await hub.createRepo("owner/gated", { gated: true, files: [{ path: "w.gguf", size: 10 }] });
    for (const token of [undefined, "wrong"]) {
      expect(await caught(client(token).openFile(ref("w.gguf", "owner/gated"), 0, signal()))).toMatchObject({ message: GATED_MESSAGE });
    }
    const response = await client(TOKEN).openFile(ref("w.gguf", "owner/gated"), 0, signal());
    response.discard();
    expect(response.status).toBe(200);
  });

  it("resolves a branch to the commit it points at, which moves when the branch does", async () => {
    const before = await client().resolveRevision("owner/model-GGUF", "main");
    expect(before).toMatch(/^[0-9a-f]{40}$/);
    expect(await client().resolveRevision("owner/model-GGUF", before)).toBe(before);
    expect((await client().listFiles("owner/model-GGUF", before)).map((file) => file.path)).toContain("model.Q8_0.gguf");
    await hub.createRepo("owner/model-GGUF", { files: [{ path: "model.Q8_0.gguf", size: 8192, seed: 99 }] });
    expect(await client().resolveRevision("owner/model-GGUF", "main")).not.toBe(before);
    expect(await caught(client().resolveRevision("owner/model-GGUF", "v9"))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("reports an unreachable hub in words", async () => {
    const offline = new HubClient({ endpoint: () => "http://127.0.0.1:1", token: async () => undefined });
    expect(await caught(offline.listFiles("owner/model-GGUF", "main"))).toMatchObject({
      code: "DOWNLOAD_FAILED",
      message: expect.stringContaining("Could not reach the hub at http://127.0.0.1:1 (ECONNREFUSED)"),
    });
  });
});
