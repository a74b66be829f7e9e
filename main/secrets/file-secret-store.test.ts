import { mkdtemp, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FileSecretStore, type SecretCodec } from "./file-secret-store";

async function tempFile(): Promise<string> {
  return path.join(await mkdtemp(path.join(tmpdir(), "atelier-secrets-")), "secrets.json");
}

describe("FileSecretStore", () => {
  it("keeps a secret in a file only its owner can read, and forgets it on null", async () => {
    const file = await tempFile();
    const store = new FileSecretStore(file);
    expect(store.encrypted).toBe(false);
    expect(await store.get("hub-token")).toBeUndefined();
    await store.set("hub-token", "hf_abc");
    expect(await store.get("hub-token")).toBe("hf_abc");
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await new FileSecretStore(file).get("hub-token")).toBe("hf_abc");
    await store.set("hub-token", null);
    expect(await new FileSecretStore(file).get("hub-token")).toBeUndefined();
  });

  it("stores what the codec makes of the value and reads it back through it", async () => {
    const file = await tempFile();
    const reversing: SecretCodec = {
      encrypted: true,
      encode: (value) => [...value].reverse().join(""),
      decode: (stored) => [...stored].reverse().join(""),
    };
    const store = new FileSecretStore(file, reversing);
    await store.set("hub-token", "hf_secret");
    expect(await readFile(file, "utf8")).not.toContain("hf_secret");
    expect(await new FileSecretStore(file, reversing).get("hub-token")).toBe("hf_secret");
    const refusing: SecretCodec = { ...reversing, decode: () => { throw new Error("other keychain"); } };
    expect(await new FileSecretStore(file, refusing).get("hub-token")).toBeUndefined();
  });

  it("treats a damaged file as empty and can write over it", async () => {
    const file = await tempFile();
    await writeFile(file, "{ not json");
    const store = new FileSecretStore(file);
    expect(await store.get("hub-token")).toBeUndefined();
    await store.set("hub-token", "t");
    expect(JSON.parse(await readFile(file, "utf8"))).toEqual({ "hub-token": "t" });
  });
});
