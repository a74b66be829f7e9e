import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestHub, type TestHub } from "../../scripts/hub-server/test-hub";
import type { Host } from "../host";
import { appErrorOf, invoke, openTestHost, tempDataDir } from "../host-test-kit";

const TOKEN = "hf_host_level_secret";
let hub: TestHub;
let host: Host;

beforeAll(async () => {
  hub = await startTestHub({ token: TOKEN });
  await hub.createRepo("owner/model", { files: [{ path: "a.Q4_K_M.gguf", size: 100 }] });
  host = await openTestHost(await tempDataDir());
  await invoke(host, "settings.update", { hub: { endpoint: hub.url } });
  await invoke(host, "hub.setToken", { token: TOKEN });
});

afterAll(async () => {
  await host.dispose();
  await hub.close();
});

describe("hub requests through the host", () => {
  it.each([
    { repo: "owner/..", revision: "main" },
    { repo: "..", revision: "main" },
    { repo: "owner/model", revision: ".." },
    { repo: "owner/model", revision: "../../api/whoami-v2" },
    { repo: "owner/a--b", revision: "main" },
  ])("hub.files refuses $repo at $revision and the hub hears nothing", async (request) => {
    // The contract refuses it (its message names the field), before any handler runs.
    const error = await appErrorOf(invoke(host, "hub.files", request));
    expect(error).toMatchObject({ code: "INVALID_INPUT", message: expect.stringMatching(/at (repo|revision)/) });
    const download = await appErrorOf(invoke(host, "downloads.start", { ...request, files: ["a.Q4_K_M.gguf"], family: "llm" }));
    expect(download).toMatchObject({ code: "INVALID_INPUT", message: expect.stringMatching(/at (repo|revision)/) });
    expect(hub.requests).toEqual([]);
  });

  it("still lists a valid repository, with the token", async () => {
    const files = await invoke(host, "hub.files", { repo: "owner/model", revision: "main" });
    expect(files.map((file) => file.path)).toEqual(["a.Q4_K_M.gguf"]);
    expect(hub.requests.map((request) => request.authorization)).toEqual([`Bearer ${TOKEN}`]);
  });
});
