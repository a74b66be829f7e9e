import { spawn } from "node:child_process";
import ffmpegInstaller from "@ffmpeg-installer/ffmpeg";
import { AppError } from "../../shared/errors";
import { unpackedAsarPath } from "../packaging/asar-path";

/** The ffmpeg binary shipped in the @ffmpeg-installer package (outside the asar archive when packaged). */
export const FFMPEG_PATH = unpackedAsarPath(ffmpegInstaller.path);

/** How much of ffmpeg's stderr is kept: its header (stream info) and, for errors, its last lines. */
const STDERR_LIMIT = 64 * 1024;

export interface FfmpegRun {
  /** Receives stdout as it streams. */
  onStdout?: (chunk: Buffer) => void;
  signal?: AbortSignal;
}

/**
 * Runs ffmpeg with `args` (quiet, no stdin). Resolves with its stderr; rejects with
 * CANCELLED when `signal` aborts (the process is killed) and with INVALID_INPUT, carrying
 * ffmpeg's own last line, when it fails to decode.
 */
export function runFfmpeg(args: readonly string[], { onStdout, signal }: FfmpegRun = {}): Promise<string> {
  if (signal?.aborted) return Promise.reject(new AppError("CANCELLED", "Cancelled."));
  return new Promise((resolve, reject) => {
    const child = spawn(FFMPEG_PATH, ["-hide_banner", "-nostdin", "-nostats", ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    let settled = false;
    const finish = (error: AppError | undefined): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", onAbort);
      if (error) reject(error);
      else resolve(stderr);
    };
    const onAbort = (): void => {
      child.kill("SIGKILL");
      finish(new AppError("CANCELLED", "Cancelled."));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    child.stdout.on("data", (chunk: Buffer) => {
      if (!settled) onStdout?.(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
      if (stderr.length > STDERR_LIMIT) stderr = stderr.slice(0, STDERR_LIMIT / 2) + "\n…\n" + stderr.slice(-STDERR_LIMIT / 2);
    });
    child.on("error", (error) => finish(new AppError("UNSUPPORTED", `ffmpeg could not be started: ${error.message}`)));
    child.on("close", (code) => {
      if (code === 0) finish(undefined);
      else finish(new AppError("INVALID_INPUT", `The file could not be decoded as audio (${ffmpegReason(stderr)}).`));
    });
  });
}

/** ffmpeg's own explanation: its last meaningful stderr line. */
export function ffmpegReason(stderr: string): string {
  const lines = stderr.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  if (lines.some((line) => /does not contain any stream|matches no streams/i.test(line))) return "it has no audio track";
  const last = lines.at(-1) ?? "ffmpeg failed";
  return last.replace(/^\S*pipe:\d+:\s*|^[^:]*\/[^:]*:\s*/, "").slice(0, 300);
}

/** The input stream's sample rate and channel count, from ffmpeg's header lines. */
export function parseInputAudioStream(stderr: string): { sampleRate: number; channels: number } | undefined {
  const inputPart = stderr.split(/^Output #0|^Stream mapping:/m)[0] ?? "";
  const match = /Stream #\d+:\d+.*?: Audio: [^,]+, (\d+) Hz, ([^,\n]+)/.exec(inputPart);
  if (!match) return undefined;
  return { sampleRate: Number(match[1]), channels: channelCount(match[2]?.trim() ?? "") };
}

function channelCount(layout: string): number {
  const named: Record<string, number> = { mono: 1, stereo: 2, "2.1": 3, quad: 4, "4.0": 4, "5.0": 5, "5.1": 6, "6.1": 7, "7.1": 8 };
  const known = named[layout.replace(/\(.*\)$/, "")];
  if (known) return known;
  const counted = /^(\d+) channels/.exec(layout);
  return counted ? Number(counted[1]) : 1;
}
