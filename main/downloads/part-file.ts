import { createHash, type Hash } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, rm, stat, truncate } from "node:fs/promises";
import path from "node:path";

/** What the hub says a file's bytes hash to: LFS files have a sha256, files kept in git a blob id. */
export interface ExpectedFile {
  size: number;
  sha256?: string;
  gitOid?: string;
}

/**
 * A `.part` file and the hashes of its first `offset` bytes: sha256, and for files kept in git
 * their git blob id (sha1 of `blob <size>\0<content>`). Between requests the file holds exactly
 * `offset` bytes and the hashes have seen exactly them.
 */
export class PartFile {
  private sha256: Hash;
  private blob: Hash | undefined;

  private constructor(
    readonly path: string,
    private readonly expected: ExpectedFile,
    public offset: number,
  ) {
    this.sha256 = createHash("sha256");
    this.blob = expected.gitOid === undefined ? undefined : createHash("sha1").update(`blob ${expected.size}\0`);
  }

  /**
   * Continues a part left by an earlier run (a pause, a quit, a crash): its bytes are hashed once
   * more, from disk, so the digest covers what is really there. A file with nothing to check it
   * against starts again, since nothing could catch a torn write.
   */
  static async open(file: string, expected: ExpectedFile, signal: AbortSignal): Promise<PartFile> {
    await mkdir(path.dirname(file), { recursive: true });
    const onDisk = await stat(file).then((info) => info.size, () => 0);
    const checkable = expected.sha256 !== undefined || expected.gitOid !== undefined;
    if (!checkable || onDisk === 0) {
      await rm(file, { force: true });
      return new PartFile(file, expected, 0);
    }
    const offset = Math.min(onDisk, expected.size);
    if (onDisk > expected.size) await truncate(file, expected.size);
    const part = new PartFile(file, expected, offset);
    const reader = createReadStream(file, { start: 0, end: offset - 1, highWaterMark: 1 << 20, signal });
    try {
      for await (const chunk of reader) part.update(chunk as Buffer);
    } catch (error) {
      throw signal.aborted ? signal.reason : error;
    }
    return part;
  }

  update(chunk: Buffer): void {
    this.sha256.update(chunk);
    this.blob?.update(chunk);
  }

  /** Whether the bytes match what the hub said; the sha256 either way (for the manifest). */
  finish(): { sha256: string; matches: boolean } {
    const sha256 = this.sha256.digest("hex");
    const blob = this.blob?.digest("hex");
    const matches =
      (this.expected.sha256 === undefined || this.expected.sha256 === sha256) &&
      (this.expected.gitOid === undefined || this.expected.gitOid === blob);
    return { sha256, matches };
  }

  /** Back to zero bytes: the server ignored the Range, or the bytes are known bad. */
  async restart(): Promise<void> {
    await rm(this.path, { force: true });
    this.offset = 0;
    this.sha256 = createHash("sha256");
    this.blob = this.expected.gitOid === undefined ? undefined : createHash("sha1").update(`blob ${this.expected.size}\0`);
  }

  async remove(): Promise<void> {
    await rm(this.path, { force: true });
  }
}
