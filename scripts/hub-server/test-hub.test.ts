import { createHash } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTestHub, type TestHub } from "./test-hub";

let hub: TestHub;

beforeEach(async () => {
  hub = await startTestHub({ pageSize: 2, token: "secret-token" });
  await hub.createRepo("owner/repo", {
    files: [
      { path: "a.gguf", size: 10_000, seed: 1 },
      { path: "config.json", content: "{}" },
      { path: "sub/b.bin", size: 5000, seed: 2 },
      { path: "huge.gguf", size: 2 ** 50, virtual: true },
    ],
  });
});

afterEach(async () => {
  await hub.close();
});

async function get(url: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { headers, redirect: "manual" });
}

describe("the test hub", () => {
  it("lists a tree page by page with sizes and LFS sha256 only for weights", async () => {
    const entries: { type: string; path: string; size: number; lfs?: { oid: string } }[] = [];
    let url: string | undefined = `${hub.url}/api/models/owner/repo/tree/main?recursive=true`;
    let pages = 0;
    while (url) {
      const response = await get(url);
      entries.push(...((await response.json()) as typeof entries));
      url = /<([^>]+)>;\s*rel="next"/.exec(response.headers.get("link") ?? "")?.[1];
      pages++;
    }
    expect(pages).toBe(3);
    const files = entries.filter((entry) => entry.type === "file");
    expect(files.map((file) => file.path).sort()).toEqual(["a.gguf", "config.json", "huge.gguf", "sub/b.bin"]);
    expect(files.find((file) => file.path === "config.json")?.lfs).toBeUndefined();
    expect(files.find((file) => file.path === "huge.gguf")?.size).toBe(2 ** 50);
    const a = await (await fetch(`${hub.url}/owner/repo/resolve/main/a.gguf`)).arrayBuffer();
    expect(files.find((file) => file.path === "a.gguf")?.lfs?.oid).toBe(createHash("sha256").update(Buffer.from(a)).digest("hex"));
    expect(entries.some((entry) => entry.type === "directory" && entry.path === "sub")).toBe(true);
  });

  it("redirects resolve to a CDN on another origin that honours Range", async () => {
    const resolve = await get(`${hub.url}/owner/repo/resolve/main/sub/b.bin`);
    expect(resolve.status).toBe(302);
    const location = resolve.headers.get("location") ?? "";
    expect(new URL(location).origin).toBe(hub.cdnUrl);
    const whole = Buffer.from(await (await get(location)).arrayBuffer());
    const tail = await get(location, { Range: "bytes=1000-" });
    expect(tail.status).toBe(206);
    expect(tail.headers.get("content-range")).toBe("bytes 1000-4999/5000");
    expect(Buffer.from(await tail.arrayBuffer())).toEqual(whole.subarray(1000));
    expect((await get(location, { Range: "bytes=5000-" })).status).toBe(416);
    expect((await get(`${hub.url}/owner/repo/resolve/main/missing.bin`)).status).toBe(404);
  });

  it("searches repositories, with a GGUF filter", async () => {
    await hub.createRepo("other/plain", { files: [{ path: "model.onnx", size: 10 }] });
    const all = (await (await get(`${hub.url}/api/models?search=o&limit=10`)).json()) as { id: string }[];
    expect(all.map((model) => model.id)).toEqual(["other/plain", "owner/repo"]);
    const gguf = (await (await get(`${hub.url}/api/models?search=o&filter=gguf`)).json()) as { id: string }[];
    expect(gguf.map((model) => model.id)).toEqual(["owner/repo"]);
  });

  it("tags search results with their license, as the hub does", async () => {
    await hub.createRepo("licensed/nc-model", { license: "cc-by-nc-4.0", files: [{ path: "w.gguf", size: 10 }] });
    const found = (await (await get(`${hub.url}/api/models?search=licensed`)).json()) as { id: string; tags: string[] }[];
    expect(found).toEqual([expect.objectContaining({ id: "licensed/nc-model", tags: ["gguf", "license:cc-by-nc-4.0"] })]);
  });

  it("asks for the token on gated repositories", async () => {
    await hub.createRepo("owner/gated", { gated: true, files: [{ path: "w.gguf", size: 10 }] });
    const url = `${hub.url}/owner/gated/resolve/main/w.gguf`;
    expect((await get(url)).status).toBe(401);
    expect((await get(url, { Authorization: "Bearer wrong" })).status).toBe(403);
    expect((await get(url, { Authorization: "Bearer secret-token" })).status).toBe(302);
  });

  it("injects the same faults for the same seed", async () => {
    const run = async () => {
      hub.setFaults({ seed: 7, rate: 0.5, kinds: ["500", "404"] });
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) statuses.push((await get(`${hub.url}/owner/repo/resolve/main/a.gguf`)).status);
      return statuses;
    };
    const first = await run();
    expect(new Set(first)).toEqual(new Set([302, 404, 500]));
    expect(await run()).toEqual(first);
  });

  it("corrupts, truncates, pads or ignores the range when told to", async () => {
    const location = `${hub.cdnUrl}/cdn/owner/repo/main/a.gguf`;
    const clean = Buffer.from(await (await get(location)).arrayBuffer());
    hub.setFaults({ rules: [{ kind: "corrupt", times: 1 }] });
    const corrupt = Buffer.from(await (await get(location)).arrayBuffer());
    expect(corrupt.length).toBe(clean.length);
    expect(corrupt.equals(clean)).toBe(false);
    hub.setFaults({ rules: [{ kind: "wrong-size", times: 1 }] });
    expect((await (await get(location)).arrayBuffer()).byteLength).toBeGreaterThan(clean.length);
    hub.setFaults({ rules: [{ kind: "ignore-range", times: 1 }] });
    const ignored = await get(location, { Range: "bytes=100-" });
    expect(ignored.status).toBe(200);
    expect(Buffer.from(await ignored.arrayBuffer())).toEqual(clean);
    hub.setFaults({ rules: [{ kind: "drop", times: 1 }] });
    await expect(get(location).then((response) => response.arrayBuffer())).rejects.toThrow();
    expect(hub.requests.filter((r) => r.fault).map((r) => r.fault)).toEqual(["corrupt", "wrong-size", "ignore-range", "drop"]);
  });
});
