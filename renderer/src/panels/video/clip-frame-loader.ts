import type { ApiClient } from "../../../../shared/api";
import { describeError } from "../../errors/describe-error";
import { framesToKeep, LruMap } from "./frame-window";

/** Frames fetched at once: enough to stay ahead of playback, few enough to leave the host room for other work. */
const PARALLEL = 3;

export interface LoadableClip {
  id: string;
  frameCount: number;
  width: number;
  height: number;
}

/**
 * The decoded frames of one clip for the player, fetched from the host (video.frame) as playback
 * needs them and kept within a memory bound. Subscribers hear when a frame arrives.
 */
export class ClipFrameLoader {
  private readonly frames: LruMap<number, HTMLImageElement>;
  private readonly inFlight = new Set<number>();
  private wanted: number[] = [];
  private readonly listeners = new Set<() => void>();
  private version = 0;
  private closed = false;
  error: string | null = null;

  constructor(
    private readonly api: Pick<ApiClient, "video">,
    private readonly clip: LoadableClip,
  ) {
    this.frames = new LruMap(framesToKeep(clip.width, clip.height, clip.frameCount));
  }

  /** The decoded frame, if it has arrived. */
  frame(index: number): HTMLImageElement | undefined {
    return this.frames.get(index);
  }

  has(index: number): boolean {
    return this.frames.has(index);
  }

  /** Fetches these frames, in this order, replacing any earlier wish not yet started. */
  want(indices: readonly number[]): void {
    this.wanted = indices.filter((index) => !this.frames.has(index) && !this.inFlight.has(index));
    this.pump();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Changes whenever a frame arrives or loading fails. */
  getVersion = (): number => this.version;

  /** Loads again after close() (a component mounted a second time). */
  open(): void {
    this.closed = false;
  }

  /** Stops loading and frees the frames. */
  close(): void {
    this.closed = true;
    this.wanted = [];
    this.frames.clear();
    this.notify();
  }

  private pump(): void {
    while (!this.closed && this.inFlight.size < PARALLEL && this.wanted.length > 0) {
      const index = this.wanted.shift();
      if (index === undefined || this.frames.has(index) || this.inFlight.has(index)) continue;
      this.inFlight.add(index);
      void this.load(index).finally(() => {
        this.inFlight.delete(index);
        this.pump();
      });
    }
  }

  private async load(index: number): Promise<void> {
    try {
      const { dataUrl } = await this.api.video.frame({ id: this.clip.id, index, variant: "full" });
      const image = new Image();
      image.src = dataUrl;
      await image.decode();
      if (this.closed) return;
      this.frames.set(index, image);
      this.error = null;
    } catch (caught) {
      if (this.closed) return;
      this.error = `Frame ${index + 1} could not be loaded: ${describeError(caught)}`;
      this.wanted = [];
    }
    this.notify();
  }

  private notify(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }
}
