import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, open, readdir, readFile, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { AppError } from "../../shared/errors";
import { TEMP_MARKER } from "../fs/durable-write";
import { resolveInside } from "../fs/inside";
import type { Logger } from "../log/types";
import { ByteLimit } from "./byte-limit";

/** Large enough for any clip a creator drops; a bigger body is refused (413) before it is all read. */
export const MAX_UPLOAD_BYTES = 4 * 1024 ** 3;
/** An upload no request used within this long is removed. */
export const UPLOAD_TTL_MS = 60 * 60 * 1000;
const UPLOAD_ID = /^[a-f0-9]{32}$/;
const META_SUFFIX = ".json";

export interface StoredUpload {
  path: string;
  contentType: string;
  sizeBytes: number;
}

/**
 * Files a browser sent over HTTP (`POST /upload`), kept under `<data>/uploads/` as `<id>` with
 * `<id>.json` (content type, size) until a request uses them. Written to a temp file, fsynced,
 * then renamed, so an aborted upload leaves nothing behind.
 */
export class UploadStore {
  constructor(
    readonly dir: string,
    private readonly logger: Logger,
    private readonly maxBytes = MAX_UPLOAD_BYTES,
  ) {}

  /** Removes every upload: none survives a restart. */
  async open(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
    await mkdir(this.dir, { recursive: true });
  }

  get limitBytes(): number {
    return this.maxBytes;
  }

  /** Streams `body` to disk; its id. `UploadTooLarge` past the limit, leaving no file. */
  async receive(body: Readable, contentType: string): Promise<string> {
    await mkdir(this.dir, { recursive: true });
    const id = randomBytes(16).toString("hex");
    const file = path.join(this.dir, id);
    const temp = `${file}${TEMP_MARKER}${randomBytes(6).toString("hex")}`;
    const limit = new ByteLimit(this.maxBytes);
    try {
      await pipeline(body, limit, createWriteStream(temp, { flags: "wx", mode: 0o600 }));
      await syncFile(temp);
      await writeMeta(`${file}${META_SUFFIX}`, { contentType, sizeBytes: limit.seen });
      await rename(temp, file);
      return id;
    } catch (error) {
      await rm(temp, { force: true }).catch(() => undefined);
      await rm(`${file}${META_SUFFIX}`, { force: true }).catch(() => undefined);
      if (limit.exceeded) throw tooLarge(this.maxBytes);
      throw error;
    }
  }

  /** The uploaded file behind `id`; `NOT_FOUND` when it was never sent, already used or expired. */
  async get(id: string): Promise<StoredUpload> {
    if (!UPLOAD_ID.test(id)) throw new AppError("INVALID_INPUT", "That upload id is not one this server hands out.");
    const file = resolveInside(this.dir, id);
    try {
      const meta = JSON.parse(await readFile(`${file}${META_SUFFIX}`, "utf8")) as { contentType?: unknown };
      const { size } = await stat(file);
      return { path: file, contentType: typeof meta.contentType === "string" ? meta.contentType : "application/octet-stream", sizeBytes: size };
    } catch {
      throw new AppError("NOT_FOUND", "That upload is gone (used already, or older than an hour); send the file again.");
    }
  }

  async remove(id: string): Promise<void> {
    if (!UPLOAD_ID.test(id)) return;
    const file = resolveInside(this.dir, id);
    await rm(file, { force: true });
    await rm(`${file}${META_SUFFIX}`, { force: true });
  }

  /** Removes uploads older than `maxAgeMs`. */
  async sweep(maxAgeMs = UPLOAD_TTL_MS, now = Date.now()): Promise<void> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    for (const name of names) {
      const id = name.endsWith(META_SUFFIX) ? name.slice(0, -META_SUFFIX.length) : name;
      if (!UPLOAD_ID.test(id)) continue;
      const info = await stat(path.join(this.dir, name)).catch(() => undefined);
      if (info && now - info.mtimeMs > maxAgeMs) {
        await rm(path.join(this.dir, name), { force: true }).catch((error: unknown) =>
          this.logger.log("warn", "uploads", "Could not remove an old upload", { error, name }),
        );
      }
    }
  }
}

/** A body past the size limit: HTTP answers 413. */
export class UploadTooLarge extends AppError {
  constructor(maxBytes: number) {
    super("INVALID_INPUT", `Uploads are limited to ${describeBytes(maxBytes)}; this file is larger.`);
  }
}

function tooLarge(maxBytes: number): UploadTooLarge {
  return new UploadTooLarge(maxBytes);
}

function describeBytes(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${Math.round(bytes / 1024 ** 3)} GiB` : `${Math.round(bytes / 1024 ** 2)} MiB`;
}

async function syncFile(file: string): Promise<void> {
  const handle = await open(file, "r+");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function writeMeta(file: string, meta: { contentType: string; sizeBytes: number }): Promise<void> {
  const handle = await open(file, "w", 0o600);
  try {
    await handle.writeFile(JSON.stringify(meta));
    await handle.sync();
  } finally {
    await handle.close();
  }
}
