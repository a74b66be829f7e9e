import { readFile } from "node:fs/promises";
import path from "node:path";
import { writeFileDurably } from "../../fs/durable-write";
import { encodeFramePng, frameFileName } from "./frame-files";
import type { RgbFrame } from "./rgb-frame";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * Writes a clip's frames into a folder as frame-00000.png, frame-00001.png, … (each save durable)
 * without making the caller wait for each: a frame's PNG encoding starts at once on sharp's
 * threads and its save follows, so they overlap with the caller's next work (a model call that
 * holds the JS thread). At most `maxPending` frames are in flight.
 */
export class FrameWriter {
  private readonly names: string[] = [];
  private pending: Promise<void>[] = [];
  private failure: { error: unknown } | undefined;

  constructor(
    private readonly folder: string,
    private readonly maxPending = 4,
  ) {}

  /** The next frame, encoded as PNG. */
  write(frame: RgbFrame): Promise<void> {
    return this.save(encodeFramePng(frame));
  }

  /** The next frame is `file` as it is when that is a PNG (no decode and re-encode), else `frame` encoded. */
  async copyOrWrite(file: string, frame: RgbFrame): Promise<void> {
    const bytes = await readFile(file);
    return this.save(bytes.subarray(0, 8).equals(PNG_SIGNATURE) ? Promise.resolve(bytes) : encodeFramePng(frame));
  }

  private async save(png: Promise<Buffer>): Promise<void> {
    this.rethrow();
    const name = frameFileName(this.names.length);
    this.names.push(name);
    const saved = png.then((bytes) => writeFileDurably(path.join(this.folder, name), bytes)).catch((error: unknown) => void (this.failure ??= { error }));
    this.pending.push(saved);
    if (this.pending.length >= this.maxPending) await this.pending.shift();
    this.rethrow();
  }

  /** Waits for every frame to be saved; the names in order, or the first failure. */
  async finish(): Promise<string[]> {
    await this.settle();
    this.rethrow();
    return [...this.names];
  }

  /** Waits for the saves under way, ignoring failures (after a cancel or an error elsewhere). */
  async settle(): Promise<void> {
    const pending = this.pending;
    this.pending = [];
    await Promise.all(pending);
  }

  private rethrow(): void {
    if (this.failure) throw this.failure.error;
  }
}
