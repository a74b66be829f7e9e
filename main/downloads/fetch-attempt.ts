import { AppError } from "../../shared/errors";
import type { HubClient, RepoFileRef } from "../hub/hub-client";
import { TransientError } from "../hub/hub-errors";
import type { DownloadResponse } from "../hub/wire/download-get";
import type { PartFile } from "./part-file";
import { PartWriter } from "./part-writer";

export interface AttemptOptions {
  hub: Pick<HubClient, "openFile">;
  ref: RepoFileRef;
  size: number;
  part: PartFile;
  /** Aborted on pause, cancel and shutdown. */
  signal: AbortSignal;
  stallTimeoutMs: number;
  /** Bytes arrived; `offset` is how many of the file are now hashed. */
  onBytes(count: number, offset: number): void;
}

/**
 * One HTTP request for the rest of a file, appended to its `.part` and hashed as it streams.
 * Throws AppError (final), TransientError or a network error (both worth retrying), or the
 * signal's reason. Whatever happens, the part holds exactly the bytes hashed when it returns.
 */
export async function fetchAttempt(options: AttemptOptions): Promise<void> {
  const watchdog = new AbortController();
  const quiet = options.stallTimeoutMs >= 1000 ? `${Math.round(options.stallTimeoutMs / 1000)} s` : `${options.stallTimeoutMs} ms`;
  const stall = () => watchdog.abort(new TransientError(`no data for ${quiet}`));
  const timer = setTimeout(stall, options.stallTimeoutMs);
  const signal = AbortSignal.any([options.signal, watchdog.signal]);
  try {
    const response = await options.hub.openFile(options.ref, options.part.offset, signal);
    timer.refresh();
    try {
      await checkResponse(response, options);
      await streamInto(response, options, timer);
    } finally {
      // The connection goes however this ended (once the body has been read, it is gone already).
      response.discard();
    }
  } catch (error) {
    // Final errors (a disk that failed, bytes that cannot be right) win over a pause or a stall
    // that happened meanwhile: retrying on top of a failed write would leave a hole in the part.
    if (error instanceof AppError) throw error;
    if (options.signal.aborted) throw options.signal.reason;
    if (watchdog.signal.aborted) throw watchdog.signal.reason;
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Restarts the part when the server ignored the Range, and refuses a file whose size is not the
 * expected one.
 */
async function checkResponse(response: DownloadResponse, { part, size, ref }: AttemptOptions): Promise<void> {
  const encoding = response.headers.get("content-encoding") ?? "identity";
  if (encoding.toLowerCase() !== "identity") {
    // Asked for identity: a proxy or CDN that compresses anyway; another try may reach another one.
    throw new TransientError(`the server sent the file compressed (${encoding}) although asked not to`);
  }
  if (response.status === 416) {
    await part.restart();
    throw new TransientError("the hub refused the byte range");
  }
  const range = /^bytes (\d+)-\d+\/(\d+|\*)$/.exec(response.headers.get("content-range") ?? "");
  if (response.status === 206 && Number(range?.[1]) !== part.offset) {
    await part.restart();
    throw new TransientError("the hub answered another byte range than asked");
  }
  if (response.status === 200 && part.offset > 0) await part.restart();
  const length = response.headers.get("content-length");
  const total = response.status === 206 ? Number(range?.[2]) : length === undefined ? NaN : Number(length);
  if (Number.isFinite(total) && total !== size) {
    throw new AppError("CHECKSUM_MISMATCH", `The hub sent ${ref.path} with ${total} bytes where ${size} were expected.`);
  }
}

/** Hashes the body as it arrives and writes it in slabs; the part's offset ends at the bytes hashed. */
async function streamInto(response: DownloadResponse, options: AttemptOptions, timer: NodeJS.Timeout): Promise<void> {
  const { part, size } = options;
  const writer = await PartWriter.open(part.path, part.offset);
  let hashed = part.offset;
  try {
    await response.pipe({
      data: (bytes) => {
        timer.refresh();
        if (hashed + bytes.length > size) {
          throw new AppError("CHECKSUM_MISMATCH", `The hub sent more than the ${size} bytes expected for ${options.ref.path}.`);
        }
        part.update(bytes);
        hashed += bytes.length;
        options.onBytes(bytes.length, hashed);
      },
      // A disk that is writing is not a stalled connection (the socket waits for it).
      slab: (bytes) => writer.write(bytes).then(() => void timer.refresh()),
    });
  } finally {
    // A disk error thrown here wins over any network error: it is final, and the part may now hold
    // fewer bytes than were hashed (the next run rehashes it from disk).
    await writer.close();
    part.offset = hashed;
  }
  if (part.offset < size) throw new TransientError(`the connection closed after ${part.offset} of ${size} bytes`);
}
