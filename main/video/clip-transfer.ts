import { mkdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { AppError } from "../../shared/errors";
import { slugify } from "../../shared/ids";
import {
  videoParametersSchema,
  type ClipExport,
  type ClipFormat,
  type ClipJobResult,
  type ExportJobResult,
  type ExportRequest,
  type ImportRequest,
  type RecallRequest,
  type VideoParameters,
} from "../../shared/video";
import { parseDataUrl, toDataUrl } from "../audio/audio-formats";
import { writeFileDurably } from "../fs/durable-write";
import type { JobContext, JobQueue } from "../jobs/job-queue";
import type { UploadStore } from "../uploads/upload-store";
import type { ClipLibrary } from "./clip-library";
import { exportFileName } from "./clip-folder";
import { exportClip, MAX_EXPORT_FPS } from "./clip-io/export-clip";
import { frameFilesStream } from "./clip-io/frame-files";
import { importClipFrames } from "./clip-io/import-clip";
import { readClipParameters } from "./clip-io/read-clip-parameters";
import type { FrameStream, RgbFrame } from "./clip-io/rgb-frame";
import { reportSpan } from "./video-progress";

/** Frames per second for a clip whose file does not say (a folder of PNGs). */
const DEFAULT_FPS = 8;
/** The name of an uploaded clip imported without one. */
const UPLOAD_NAME = "Uploaded clip";

/** Clips in and out of the library from the host alone: import, export (as jobs), download and recall. */
export class ClipTransfer {
  constructor(
    private readonly library: ClipLibrary,
    private readonly jobs: JobQueue,
    private readonly uploads: UploadStore,
  ) {}

  async import(request: ImportRequest): Promise<{ jobId: string }> {
    if ("uploadId" in request) await this.uploads.get(request.uploadId);
    const name =
      "path" in request ? (request.name ?? path.basename(request.path))
      : "uploadId" in request ? (request.name ?? UPLOAD_NAME)
      : request.name;
    return this.enqueue<ClipJobResult>("video.import", `Import · ${name}`, (ctx) => this.runImport(ctx, request, name));
  }

  async export(request: ExportRequest): Promise<{ jobId: string }> {
    const item = await this.library.get(request.clipId);
    const { format } = request;
    const fps = Math.min(request.fps ?? item.fps, MAX_EXPORT_FPS);
    return this.enqueue<ExportJobResult>("video.export", `Export ${format.toUpperCase()} · ${item.name}`, async (ctx) => {
      const frames = await frameFilesStream(await this.library.framePaths(item.id));
      const exported = await exportClip({
        format,
        clip: counted(frames, (done) => reportSpan(ctx, { from: 0, to: 0.95 }, done, item.frameCount, `Frame ${done} of ${item.frameCount}`)),
        fps,
        ...(item.parameters ? { parameters: item.parameters } : {}),
        signal: ctx.signal,
      });
      if (ctx.signal.aborted) throw new AppError("CANCELLED", "Cancelled.");
      const file = this.library.exportPath(item.id, format);
      await writeFileDurably(file, exported.bytes);
      const entry: ClipExport = { format, file: exportFileName(format), mimeType: exported.mimeType, codec: exported.codec, sizeBytes: exported.bytes.length, fps, createdAt: Date.now() };
      await this.library.recordExport(item.id, entry);
      return { ...entry, clipId: item.id, filename: downloadName(item.name, format), path: file, frameCount: exported.frameCount };
    });
  }

  async download(clipId: string, format: ClipFormat): Promise<{ filename: string; mimeType: string; dataUrl: string }> {
    const { file, entry, item } = await this.library.exportOf(clipId, format);
    const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") throw new AppError("NOT_FOUND", `The ${format.toUpperCase()} export of “${item.name}” is missing on disk; export it again.`);
      throw error;
    });
    return { filename: downloadName(item.name, format), mimeType: entry.mimeType, dataUrl: toDataUrl(entry.mimeType, bytes) };
  }

  /** The settings an exported file carries; null when it has none of ours. */
  async recall(request: RecallRequest): Promise<{ parameters: VideoParameters | null }> {
    if ("path" in request) return { parameters: await parametersIn(request.path) };
    if ("uploadId" in request) return { parameters: await parametersIn((await this.uploads.get(request.uploadId)).path) };
    const scratch = await this.library.stage();
    try {
      const file = path.join(scratch.dir, "dropped");
      await writeFileDurably(file, parseDataUrl(request.dataUrl).bytes);
      return { parameters: await parametersIn(file) };
    } finally {
      await this.library.discard(scratch);
    }
  }

  private async runImport(ctx: JobContext, request: ImportRequest, name: string): Promise<ClipJobResult> {
    const staged = await this.library.stage();
    const scratch = `${staged.dir}-source`;
    try {
      const source = await this.sourceOf(request, scratch);
      const parameters = "frames" in request ? null : await parametersIn(source).catch(() => null);
      const imported = await importClipFrames(source, staged.dir, {
        signal: ctx.signal,
        onProgress: (done, total) => reportSpan(ctx, { from: 0, to: 0.95 }, done, total, `Frame ${done} of ${total}`),
      });
      if (ctx.signal.aborted) throw new AppError("CANCELLED", "Cancelled.");
      const fps = Math.min(request.fps ?? imported.fps ?? parameters?.fps ?? DEFAULT_FPS, MAX_EXPORT_FPS);
      const item = await this.library.commit(staged, { name, mode: "import", fps, parameters, frames: imported.files.length, jobId: ctx.jobId });
      return { clipId: item.id, frameCount: item.frameCount, width: item.width, height: item.height, fps: item.fps };
    } catch (error) {
      await this.library.discard(staged);
      throw error;
    } finally {
      await rm(scratch, { recursive: true, force: true });
      if ("uploadId" in request) await this.uploads.remove(request.uploadId);
    }
  }

  /** The file or PNG folder to import: a host path, an upload, or what the request carries, written to `scratch`. */
  private async sourceOf(request: ImportRequest, scratch: string): Promise<string> {
    if ("path" in request) return request.path;
    if ("uploadId" in request) return (await this.uploads.get(request.uploadId)).path;
    return writeSource(scratch, request);
  }

  private async enqueue<Result>(kind: string, title: string, run: (ctx: JobContext) => Promise<Result>): Promise<{ jobId: string }> {
    const job = this.jobs.enqueue<Result>({ kind, engine: "video", title, run });
    await this.jobs.persisted([job.id]);
    return { jobId: job.id };
  }
}

/** An uploaded file, or uploaded PNG frames as a folder, in `scratch`; the path to import. */
async function writeSource(scratch: string, request: Exclude<ImportRequest, { path: string } | { uploadId: string }>): Promise<string> {
  await mkdir(scratch, { recursive: true });
  if ("dataUrl" in request) {
    const file = path.join(scratch, "upload");
    await writeFileDurably(file, parseDataUrl(request.dataUrl).bytes);
    return file;
  }
  for (const [index, frame] of request.frames.entries()) {
    await writeFileDurably(path.join(scratch, `${String(index).padStart(5, "0")}.png`), parseDataUrl(frame).bytes);
  }
  return scratch;
}

async function parametersIn(file: string): Promise<VideoParameters | null> {
  const parsed = videoParametersSchema.safeParse(await readClipParameters(file));
  return parsed.success ? parsed.data : null;
}

function downloadName(name: string, format: ClipFormat): string {
  return `${slugify(name)}.${format}`;
}

/** The same frames, `onFrame(n)` after the n-th passed on. */
function counted(stream: FrameStream, onFrame: (done: number) => void): FrameStream {
  async function* frames(): AsyncGenerator<RgbFrame> {
    let done = 0;
    for await (const frame of stream.frames) {
      yield frame;
      onFrame(++done);
    }
  }
  return { width: stream.width, height: stream.height, frames: frames() };
}
