import type net from "node:net";
import { deferred } from "../../../shared/deferred";
import { TransientError } from "../hub-errors";
import { framingFor, type BodyFraming } from "./body-framing";
import { connectReadingInto, getRequestBytes } from "./get-request";
import { MAX_HEAD_BYTES, parseResponseHead, type ResponseHead } from "./response-head";

/** Where a response body goes. */
export interface BodySink {
  /** Body bytes as they arrive, in order: a view into a slab, valid during the call only. */
  data(bytes: Buffer): void;
  /** A slab of body bytes already passed to `data`; resolve once its memory may be reused. */
  slab(bytes: Buffer): Promise<void>;
}

/** The kernel reads straight into these slabs; a few are out at the disk while the next fills. */
const SLAB_BYTES = 1024 * 1024;
const SLABS_OUT = 4;
const MIN_READ = 64 * 1024;
/** A slow connection still reaches the sink every second, so a crash loses at most that much. */
const SLAB_AGE_MS = 1000;

/**
 * One HTTP/1.1 GET on its own connection, read with `onread` into reused slabs instead of
 * node:http's stream of fresh 64 KiB buffers: the same bytes for about half the CPU, which is
 * what lets a download keep up with a fast link on a small machine while it hashes.
 */
export class DownloadSocket {
  private readonly socket: net.Socket;
  private slab: Buffer = Buffer.allocUnsafe(SLAB_BYTES);
  private filled = 0;
  private slabStartedAt = 0;
  private readonly spare: Buffer[] = [];
  private readonly slabsOut = new Set<Promise<void>>();
  private framing: BodyFraming | undefined;
  private sink: BodySink | undefined;
  private failure: unknown;
  /** The body is over and handed to the sink; only slabs still out keep `pipe` waiting. */
  private ended = false;
  /** The connection ended before `pipe` was called. */
  private connectionOver = false;
  /** Where a read goes when the slab has no room left (only before pipe(), which cannot hand it over). */
  private spill: Buffer | undefined;
  private readonly head = deferred<ResponseHead>();
  private readonly body = deferred<void>();

  constructor(url: URL, headers: Record<string, string>, signal: AbortSignal | undefined) {
    const request = getRequestBytes(url, headers);
    const onread: net.OnReadOpts = { buffer: () => this.nextReadBuffer(), callback: (count, landed) => this.onRead(count, landed) };
    this.socket = connectReadingInto(url, onread);
    this.socket.write(request);
    const abort = () => this.socket.destroy(signal?.reason instanceof Error ? signal.reason : new Error("aborted"));
    this.socket.once("error", (error) => this.fail(error));
    // Every ending (done, discarded, failed) closes the socket: the listener goes with it, so an
    // AbortSignal.any() that outlives the request does not keep the socket and its slab alive.
    this.socket.once("close", () => {
      signal?.removeEventListener("abort", abort);
      this.onClose();
    });
    if (signal?.aborted) abort();
    else signal?.addEventListener("abort", abort, { once: true });
    void this.body.promise.catch(() => undefined);
    void this.head.promise.catch(() => undefined);
  }

  /** The status line and headers; the body waits, paused, for `pipe` or `discard`. */
  response(): Promise<ResponseHead> {
    return this.head.promise;
  }

  /**
   * Streams the body into the sink. Resolves when the body is complete or the server closed the
   * connection (the caller checks the length); rejects on a network error, an abort or a sink failure.
   * Every byte passed to `data` has been handed to `slab` and settled by then, either way.
   */
  pipe(sink: BodySink): Promise<void> {
    if (this.sink !== undefined) throw new Error("a response body can be piped once");
    this.sink = sink;
    // Whatever arrived before (the bytes after the head, or a small body already complete).
    if (this.failure === undefined && this.filled > 0) {
      try {
        sink.data(this.slab.subarray(0, this.filled));
      } catch (error) {
        this.filled = 0;
        this.fail(error);
      }
    }
    if (this.failure !== undefined) this.filled = 0;
    // Slabs change only inside onRead: Node already holds the view for the next read.
    if (this.connectionOver || this.failure !== undefined || this.framing?.done) this.finish();
    else this.socket.resume();
    return this.body.promise;
  }

  discard(): void {
    this.socket.destroy();
  }

  /**
   * Where the next read goes: the rest of the slab (while reading the head, no more than a head
   * can take, so the body bytes that come with it leave room until pipe()), or the spill buffer
   * when the slab is full.
   */
  private nextReadBuffer(): Buffer {
    const room = SLAB_BYTES - this.filled;
    if (room === 0) return (this.spill ??= Buffer.allocUnsafe(MIN_READ));
    return this.slab.subarray(this.filled, this.filled + (this.framing === undefined ? Math.min(room, MAX_HEAD_BYTES + 1) : room));
  }

  private onRead(count: number, landed: Uint8Array): boolean {
    try {
      this.placeRead(count, landed);
      if (this.framing === undefined) {
        this.filled += count;
        return this.readHead();
      }
      return this.takeBody(this.filled, this.filled + count);
    } catch (error) {
      this.fail(error);
      return false;
    }
  }

  /** Bytes that did not land at the end of the slab (the spill buffer) are moved there. */
  private placeRead(count: number, landed: Uint8Array): void {
    if (landed.buffer === this.slab.buffer && landed.byteOffset === this.slab.byteOffset + this.filled) return;
    if (SLAB_BYTES - this.filled < count) this.handOver();
    if (SLAB_BYTES - this.filled < count) throw new Error("more body bytes arrived than the read buffers hold before pipe()");
    this.slab.set(landed.subarray(0, count), this.filled);
  }

  private readHead(): boolean {
    const head = parseResponseHead(this.slab.subarray(0, this.filled));
    if (head === undefined) return true;
    if (head.status < 200) {
      // An interim answer (100 Continue and the like): the real head follows.
      this.slab.copyWithin(0, head.length, this.filled);
      this.filled -= head.length;
      return this.readHead();
    }
    const framing = framingFor(head);
    this.framing = framing;
    this.slab.copyWithin(0, head.length, this.filled);
    this.filled = framing.take(this.slab, 0, this.filled - head.length);
    this.slabStartedAt = Date.now();
    this.head.resolve(head);
    if (framing.done) this.finish();
    // The body waits for pipe() or discard().
    return false;
  }

  /**
   * Bytes `slab[start, end)` just arrived. Only bytes the sink took in `data` join the slab;
   * before `pipe` they wait in it. Answers whether to keep reading.
   */
  private takeBody(start: number, end: number): boolean {
    const framing = this.framing;
    if (framing === undefined) throw new Error("body bytes before the head");
    if (start === 0) this.slabStartedAt = Date.now();
    const taken = framing.take(this.slab, start, end);
    if (taken > 0) this.sink?.data(this.slab.subarray(start, start + taken));
    this.filled = start + taken;
    if (framing.done) this.finish();
    else if (this.sink === undefined) return SLAB_BYTES - this.filled >= MIN_READ;
    else if (SLAB_BYTES - this.filled < MIN_READ || Date.now() - this.slabStartedAt >= SLAB_AGE_MS) this.handOver();
    return !this.ended;
  }

  /** Sends the filled part of the slab to the sink and continues in a spare one. */
  private handOver(): void {
    const sink = this.sink;
    if (this.filled === 0 || sink === undefined) return;
    const slab = this.slab;
    const out: Promise<void> = sink.slab(slab.subarray(0, this.filled)).then(
      () => {
        this.slabsOut.delete(out);
        this.spare.push(slab);
        if (!this.ended && this.slabsOut.size < SLABS_OUT) this.socket.resume();
        this.settleIfDone();
      },
      (error: unknown) => {
        this.slabsOut.delete(out);
        this.fail(error);
        this.settleIfDone();
      },
    );
    this.slabsOut.add(out);
    this.slab = this.spare.pop() ?? Buffer.allocUnsafe(SLAB_BYTES);
    this.filled = 0;
    if (this.slabsOut.size >= SLABS_OUT) this.socket.pause();
  }

  /** The connection is over (body complete, closed or failed); without a sink yet, `pipe` finishes. */
  private finish(): void {
    this.socket.destroy();
    if (this.sink === undefined) {
      this.connectionOver = true;
      return;
    }
    if (this.ended) return;
    this.ended = true;
    this.handOver();
    this.settleIfDone();
  }

  private onClose(): void {
    if (this.framing === undefined) this.fail(new TransientError("the server closed the connection before answering"));
    else this.finish();
  }

  private fail(error: unknown): void {
    this.failure ??= error;
    this.head.reject(error);
    this.finish();
  }

  private settleIfDone(): void {
    if (!this.ended || this.slabsOut.size > 0) return;
    if (this.failure === undefined) this.body.resolve();
    else this.body.reject(this.failure);
  }
}
