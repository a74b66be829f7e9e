import { ALL_FORMATS, FilePathSource, Input } from "mediabunny";
import { AppError } from "../../../shared/errors";

export interface VideoFacts {
  /** As shown (rotation applied, as ffmpeg's decoder applies it). */
  width: number;
  height: number;
  fps: number;
  frameCount: number;
  durationSeconds: number;
  /** The codec as mediabunny names it: avc, hevc, vp8, vp9, av1, … */
  codec: string | null;
  /** The container's comment tag (MP4 ©cmt, Matroska COMMENT), where Atelier keeps a clip's parameters. */
  comment: string | undefined;
}

function unreadable(file: string, error: unknown): AppError {
  const reason = error instanceof Error ? error.message : String(error);
  return new AppError("INVALID_INPUT", `The video ${file} could not be read (${reason}).`);
}

/** Opens an MP4 or WebM with mediabunny's demuxer (no decoding) and reads its video track's facts and its comment tag. */
export async function probeVideo(file: string): Promise<VideoFacts> {
  const input = new Input({ formats: ALL_FORMATS, source: new FilePathSource(file) });
  try {
    const track = await input.getPrimaryVideoTrack().catch((error: unknown) => {
      throw unreadable(file, error);
    });
    if (!track) throw new AppError("INVALID_INPUT", `The file ${file} holds no video track.`);
    const stats = await track.computePacketStats();
    if (stats.packetCount === 0) throw new AppError("INVALID_INPUT", `The video ${file} holds no frames.`);
    const tags = await input.getMetadataTags();
    return {
      width: track.displayWidth,
      height: track.displayHeight,
      fps: Math.round(stats.averagePacketRate * 1000) / 1000,
      frameCount: stats.packetCount,
      durationSeconds: await input.computeDuration(),
      codec: track.codec,
      comment: tags.comment,
    };
  } catch (error) {
    throw error instanceof AppError ? error : unreadable(file, error);
  } finally {
    input.dispose();
  }
}
