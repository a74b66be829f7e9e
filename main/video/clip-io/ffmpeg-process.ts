import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { AppError } from "../../../shared/errors";
import { FFMPEG_PATH } from "../../audio/ffmpeg";

/** How much of ffmpeg's stderr is kept for error messages. */
const STDERR_LIMIT = 16 * 1024;

/** Why ffmpeg failed, in its own words: its last stderr line without the input's path prefix. */
function lastLine(stderr: string): string {
  const lines = stderr.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  return (lines.at(-1) ?? "ffmpeg failed").replace(/^[^:]*\/[^:]*:\s*/, "").slice(0, 300);
}

interface Running {
  child: ChildProcess;
  stderr: () => string;
  /** Settles once the process is gone: its exit code, or the spawn error. */
  exited: Promise<{ code: number | null; error?: Error }>;
}

function start(args: readonly string[], stdin: "pipe" | "ignore", stdout: "pipe" | "ignore"): Running {
  const child = spawn(FFMPEG_PATH, ["-hide_banner", "-nostdin", "-nostats", "-loglevel", "error", ...args], { stdio: [stdin, stdout, "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString("utf8")).slice(-STDERR_LIMIT);
  });
  const exited = new Promise<{ code: number | null; error?: Error }>((resolve) => {
    child.once("error", (error) => resolve({ code: null, error }));
    child.once("close", (code) => resolve({ code }));
  });
  return { child, stderr: () => stderr, exited };
}

function stillRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

async function checkExit(running: Running, signal: AbortSignal | undefined, failure: (reason: string) => AppError): Promise<void> {
  const { code, error } = await running.exited;
  if (signal?.aborted) throw new AppError("CANCELLED", "Cancelled.");
  if (error) throw new AppError("UNSUPPORTED", `ffmpeg could not be started: ${error.message}`);
  if (code !== 0) throw failure(lastLine(running.stderr()));
}

/** Collects stdout chunks and cuts them into whole frames of `frameBytes`, copying each byte once. */
class FrameAssembler {
  private chunks: Buffer[] = [];
  private length = 0;
  constructor(private readonly frameBytes: number) {}

  push(chunk: Buffer): Buffer[] {
    this.chunks.push(chunk);
    this.length += chunk.length;
    const frames: Buffer[] = [];
    if (this.length < this.frameBytes) return frames;
    let all = Buffer.concat(this.chunks, this.length);
    while (all.length >= this.frameBytes) {
      frames.push(all.subarray(0, this.frameBytes));
      all = all.subarray(this.frameBytes);
    }
    this.chunks = all.length ? [all] : [];
    this.length = all.length;
    return frames;
  }

  get leftover(): number {
    return this.length;
  }
}

/**
 * Runs ffmpeg with raw frames of `frameBytes` on stdout and yields them one by one; ffmpeg waits
 * while the consumer is busy (the pipe fills). Killed when `signal` aborts or the consumer stops early.
 */
export async function* ffmpegFrames(args: readonly string[], frameBytes: number, signal: AbortSignal | undefined, failure: (reason: string) => AppError): AsyncGenerator<Buffer> {
  if (signal?.aborted) throw new AppError("CANCELLED", "Cancelled.");
  const running = start(args, "ignore", "pipe");
  const kill = (): void => void running.child.kill("SIGKILL");
  signal?.addEventListener("abort", kill, { once: true });
  try {
    const assembler = new FrameAssembler(frameBytes);
    const stdout = running.child.stdout;
    if (stdout) for await (const chunk of stdout) yield* assembler.push(chunk as Buffer);
    await checkExit(running, signal, failure);
    if (assembler.leftover) throw failure(`the decoded video ended ${assembler.leftover} bytes into a frame`);
  } finally {
    signal?.removeEventListener("abort", kill);
    if (stillRunning(running.child)) kill();
  }
}

/**
 * Runs ffmpeg with raw frames written to its stdin (waiting whenever the pipe is full) and
 * resolves once it has exited cleanly; killed when `signal` aborts.
 */
export async function ffmpegFromFrames(args: readonly string[], frames: AsyncIterable<Uint8Array>, signal: AbortSignal | undefined, failure: (reason: string) => AppError): Promise<void> {
  if (signal?.aborted) throw new AppError("CANCELLED", "Cancelled.");
  const running = start(args, "pipe", "ignore");
  const kill = (): void => void running.child.kill("SIGKILL");
  signal?.addEventListener("abort", kill, { once: true });
  const stdin = running.child.stdin;
  // ffmpeg closing its input early (a failure) shows as EPIPE here; its exit code tells why.
  stdin?.on("error", () => undefined);
  try {
    for await (const frame of frames) {
      if (signal?.aborted || !stdin || !stillRunning(running.child)) break;
      if (!stdin.write(frame)) await Promise.race([once(stdin, "drain"), running.exited]);
    }
    stdin?.end();
    await checkExit(running, signal, failure);
  } finally {
    signal?.removeEventListener("abort", kill);
    if (stillRunning(running.child)) kill();
  }
}

let encoderList: Promise<string> | undefined;

/** Whether the shipped ffmpeg has `encoder` (e.g. libvpx-vp9), from `ffmpeg -encoders`, asked once. */
export async function hasEncoder(encoder: string): Promise<boolean> {
  encoderList ??= new Promise<string>((resolve) => {
    const child = spawn(FFMPEG_PATH, ["-hide_banner", "-encoders"], { stdio: ["ignore", "pipe", "ignore"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
    child.once("error", () => resolve(""));
    child.once("close", () => resolve(out));
  });
  return new RegExp(`^\\s*V\\S*\\s+${encoder.replace(/[-]/g, "\\-")}\\s`, "m").test(await encoderList);
}
