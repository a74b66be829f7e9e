import { chmod, readFile } from "node:fs/promises";
import { z } from "zod";
import { writeFileDurably } from "../fs/durable-write";
import type { SecretName, SecretStore } from "./secret-store";

const secretsSchema = z.record(z.string(), z.string());

/** How a secret is turned into text on disk and back: plain here, encrypted by the Electron store. */
export interface SecretCodec {
  readonly encrypted: boolean;
  encode(value: string): string;
  decode(stored: string): string;
}

export const plainCodec: SecretCodec = { encrypted: false, encode: (value) => value, decode: (stored) => stored };

/**
 * Secrets in one JSON file readable only by this user (mode 0600), written atomically.
 * Serve mode stores them plain: headless servers rarely have a keychain.
 */
export class FileSecretStore implements SecretStore {
  private cache: Record<string, string> | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly codec: SecretCodec = plainCodec,
  ) {}

  get encrypted(): boolean {
    return this.codec.encrypted;
  }

  async get(name: SecretName): Promise<string | undefined> {
    const stored = (await this.load())[name];
    if (stored === undefined) return undefined;
    try {
      return this.codec.decode(stored);
    } catch {
      // Encrypted by another user account or a reinstalled keychain: treat as not set.
      return undefined;
    }
  }

  async set(name: SecretName, value: string | null): Promise<void> {
    // Saves run one after another, each from the last saved state; memory changes only once a save landed.
    const write = this.writing.then(async () => {
      const next = { ...(await this.load()) };
      if (value === null) delete next[name];
      else next[name] = this.codec.encode(value);
      await writeFileDurably(this.file, JSON.stringify(next) + "\n", { mode: 0o600 });
      await chmod(this.file, 0o600);
      this.cache = next;
    });
    this.writing = write.catch(() => undefined);
    await write;
  }

  private async load(): Promise<Record<string, string>> {
    if (this.cache) return this.cache;
    let text: string;
    try {
      text = await readFile(this.file, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      text = "{}";
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = {};
    }
    const result = secretsSchema.safeParse(parsed);
    this.cache = result.success ? result.data : {};
    return this.cache;
  }
}
