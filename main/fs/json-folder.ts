import { mkdir, readdir, rm } from "node:fs/promises";
import path from "node:path";
import type { z } from "zod";
import { readJsonFile, writeJsonAtomic } from "./atomic-json";
import { resolveInside } from "./inside";
import type { Logger } from "../log/types";

/**
 * A folder of `<id>.json` sidecars, each validated by a schema, read once and then kept in memory.
 * Unreadable sidecars are moved aside by readJsonFile and skipped; a sidecar whose name does not
 * match its id is ignored.
 */
export class JsonFolder<T extends { id: string }> {
  private items: Map<string, T> | undefined;
  private loading: Promise<Map<string, T>> | undefined;

  constructor(
    readonly dir: string,
    private readonly schema: z.ZodType<T>,
    private readonly logger: Logger,
  ) {}

  sidecarPath(id: string): string {
    return resolveInside(this.dir, `${id}.json`);
  }

  /** Reads the folder once, creating it, so other files can be written next to the sidecars. */
  async open(): Promise<void> {
    await this.loaded();
  }

  /** Every item, in no particular order. */
  async values(): Promise<T[]> {
    return [...(await this.loaded()).values()];
  }

  async find(id: string): Promise<T | undefined> {
    return (await this.loaded()).get(id);
  }

  /** Writes the sidecar atomically, then remembers the item. */
  async save(item: T): Promise<void> {
    const items = await this.loaded();
    await writeJsonAtomic(this.sidecarPath(item.id), item);
    items.set(item.id, item);
  }

  /** Removes the sidecar; the item is no longer listed even if its other files remain. */
  async remove(id: string): Promise<void> {
    const items = await this.loaded();
    await rm(this.sidecarPath(id), { force: true });
    items.delete(id);
  }

  private loaded(): Promise<Map<string, T>> {
    if (this.items) return Promise.resolve(this.items);
    this.loading ??= this.load().then(
      (items) => (this.items = items),
      (error: unknown) => {
        this.loading = undefined;
        throw error;
      },
    );
    return this.loading;
  }

  private async load(): Promise<Map<string, T>> {
    await mkdir(this.dir, { recursive: true });
    const items = new Map<string, T>();
    for (const name of await readdir(this.dir)) {
      if (!name.endsWith(".json")) continue;
      const result = await readJsonFile(path.join(this.dir, name), this.schema, this.logger);
      if (result.kind === "ok" && `${result.value.id}.json` === name) items.set(result.value.id, result.value);
    }
    return items;
  }
}
