import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTestHub, type TestHub } from "../../scripts/hub-server/test-hub";
import { AppError } from "../../shared/errors";
import { HubClient } from "./hub-client";
import { assertHubRef } from "./hub-input";

const TOKEN = "hf_never_to_a_bad_url";
let hub: TestHub;
let tokenReads: number;

beforeEach(async () => {
  hub = await startTestHub({ token: TOKEN });
  await hub.createRepo("owner/model", { files: [{ path: "a.gguf", size: 10 }] });
  tokenReads = 0;
});

afterEach(async () => {
  await hub.close();
});

function client(endpoint = hub.url): HubClient {
  return new HubClient({
    endpoint: () => endpoint,
    token: async () => {
      tokenReads += 1;
      return TOKEN;
    },
  });
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (reason: unknown) => reason);
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

const BAD_REFS = [
  { repo: "owner/..", revision: "main" },
  { repo: "..", revision: "main" },
  { repo: "../api/whoami-v2", revision: "main" },
  { repo: "owner/model", revision: ".." },
  { repo: "owner/model", revision: "../../../api/whoami-v2" },
  { repo: "owner/model", revision: "/main" },
  { repo: "owner/model?x=", revision: "main" },
];

describe("hub input validation", () => {
  it("accepts the forms the Hub uses", () => {
    expect(() => assertHubRef("owner/model", "main", "sub/a.gguf")).not.toThrow();
    expect(() => assertHubRef("gpt2", "refs/pr/1")).not.toThrow();
    expect(() => assertHubRef("owner/model", "0123456789abcdef0123456789abcdef01234567")).not.toThrow();
  });

  it.each(BAD_REFS)("refuses $repo at $revision before any request, and never reads the token", async ({ repo, revision }) => {
    const hubClient = client();
    for (const call of [
      () => hubClient.listFiles(repo, revision),
      () => hubClient.resolveRevision(repo, revision),
      () => hubClient.openFile({ repo, revision, path: "a.gguf" }, 0, new AbortController().signal),
    ]) {
      const error = await refusal(call());
      expect(error.code).toBe("INVALID_INPUT");
      expect(error.message).toMatch(/is not a (Hugging Face repository id|commit, branch or tag name)/);
    }
    expect(() => hubClient.fileUrl({ repo, revision, path: "a.gguf" })).toThrow(AppError);
    expect(hub.requests).toEqual([]);
    expect(tokenReads).toBe(0);
  });

  it.each(["../secret", "a/../../x", "/etc/passwd", "a\\b"])("refuses the file path %j before any request", async (path) => {
    const error = await refusal(client().openFile({ repo: "owner/model", revision: "main", path }, 0, new AbortController().signal));
    expect(error).toMatchObject({ code: "INVALID_INPUT", message: expect.stringContaining("is not a file path inside owner/model") });
    expect(hub.requests).toEqual([]);
    expect(tokenReads).toBe(0);
  });

  it("still serves a valid repository", async () => {
    expect((await client().listFiles("owner/model", "main")).map((file) => file.path)).toEqual(["a.gguf"]);
  });
});

describe("listing pages", () => {
  let servers: Server[] = [];
  const seen: { server: string; authorization: string | undefined }[] = [];

  async function serve(name: string, answer: (request: IncomingMessage) => { link?: string }): Promise<string> {
    const server = createServer((request, response) => {
      seen.push({ server: name, authorization: request.headers.authorization });
      const { link } = answer(request);
      response.writeHead(200, { "Content-Type": "application/json", ...(link ? { Link: link } : {}) }).end("[]");
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  afterEach(() => {
    for (const server of servers) {
      server.closeAllConnections();
      server.close();
    }
    servers = [];
    seen.length = 0;
  });

  it("never follows a next link to another origin, where the token would go", async () => {
    const elsewhere = await serve("elsewhere", () => ({}));
    const endpoint = await serve("hub", () => ({ link: `<${elsewhere}/api/models/owner/model/tree/main?cursor=2>; rel="next"` }));
    const error = await refusal(client(endpoint).listFiles("owner/model", "main"));
    expect(error).toMatchObject({ code: "DOWNLOAD_FAILED", message: expect.stringContaining("another site") });
    expect(seen).toEqual([{ server: "hub", authorization: `Bearer ${TOKEN}` }]);
  });
});
