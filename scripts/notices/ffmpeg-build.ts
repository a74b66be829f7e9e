import { execFile } from "node:child_process";
import { promisify } from "node:util";

export interface FfmpegBuild {
  /** The first line of `ffmpeg -version`, e.g. "ffmpeg version N-47683-g0e8eb07980-static …". */
  versionLine: string;
  /** Its `configuration:` flags. */
  configuration: string;
  /** The license that follows from those flags (FFmpeg's LICENSE.md). */
  license: string;
}

/** What the shipped ffmpeg binary says about itself. */
export async function describeFfmpegBuild(ffmpegPath: string): Promise<FfmpegBuild> {
  const { stdout } = await promisify(execFile)(ffmpegPath, ["-hide_banner", "-version"]);
  const lines = stdout.split(/\r?\n/);
  const versionLine = lines[0]?.trim() ?? "";
  const configuration = lines.find((line) => line.startsWith("configuration:"))?.slice("configuration:".length).trim() ?? "";
  if (!versionLine.startsWith("ffmpeg version")) throw new Error(`${ffmpegPath} does not look like ffmpeg: ${versionLine}`);
  return { versionLine, configuration, license: ffmpegLicense(configuration) };
}

/**
 * FFmpeg is LGPL 2.1+ by default; --enable-gpl makes it GPL 2+, --enable-version3 moves
 * either to version 3; --enable-nonfree makes it unredistributable.
 */
export function ffmpegLicense(configuration: string): string {
  const flags = new Set(configuration.split(/\s+/));
  if (flags.has("--enable-nonfree")) throw new Error("This ffmpeg build was configured with --enable-nonfree: it may not be redistributed.");
  const gpl = flags.has("--enable-gpl");
  const version3 = flags.has("--enable-version3");
  if (gpl) return version3 ? "GPL-3.0-or-later" : "GPL-2.0-or-later";
  return version3 ? "LGPL-3.0-or-later" : "LGPL-2.1-or-later";
}
