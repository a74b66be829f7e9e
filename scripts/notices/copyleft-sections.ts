import { readFile } from "node:fs/promises";
import path from "node:path";
import type { FfmpegBuild } from "./ffmpeg-build";

const LICENSE_TEXTS = path.join(import.meta.dirname, "licenses");
/** The full texts the copyleft sections need, by SPDX id (the "-or-later" forms share their version's text). */
const TEXT_FILES: Record<string, string[]> = {
  "GPL-3.0-or-later": ["GPL-3.0.txt"],
  "GPL-2.0-or-later": ["GPL-2.0.txt"],
  "LGPL-3.0-or-later": ["LGPL-3.0.txt", "GPL-3.0.txt"],
  "LGPL-2.1-or-later": ["LGPL-2.1.txt"],
};

/** Who answers the written source offer. */
export const SOURCE_OFFER_CONTACT =
  "the Atelier maintainers, through the issue tracker of the repository this copy of Atelier was built from";

export interface FfmpegShipment {
  build: FfmpegBuild;
  /** The npm package that carries the binary, e.g. "@ffmpeg-installer/linux-x64@4.1.0". */
  packageId: string;
  /** Where that package says the build comes from. */
  origin: string;
}

/** The ffmpeg program: which build, its license (from its configuration), and the written offer for its source. */
export async function ffmpegSection({ build, packageId, origin }: FfmpegShipment): Promise<string> {
  const gpl = build.license.startsWith("GPL");
  return [
    "## ffmpeg (the program that decodes and encodes audio)",
    "",
    `Atelier ships a prebuilt ffmpeg program from the npm package ${packageId} (built by ${origin}).`,
    "",
    `- Build: ${build.versionLine}`,
    `- Configured with: ${build.configuration}`,
    `- License: **${build.license}**. ${
      gpl
        ? "This build enables GPL components (for example x264 and x265), so ffmpeg is licensed under the GNU General Public License, not the LGPL."
        : "This build enables no GPL components."
    } Atelier runs ffmpeg as a separate program and does not link to it; Atelier's own code is not under the ${gpl ? "GPL" : "LGPL"}.`,
    "",
    "### Written offer for the source code of ffmpeg",
    "",
    "For at least three years from the date you received this copy of Atelier, anyone who has it may ask for the " +
      "complete corresponding source code of this ffmpeg build (FFmpeg at the revision named above, the libraries its " +
      "configuration enables, and the scripts used to build it), on a medium customarily used for software interchange, " +
      `for no more than the cost of physically performing the distribution. Write to ${SOURCE_OFFER_CONTACT}, ` +
      `naming "${/^ffmpeg version \S+/.exec(build.versionLine)?.[0] ?? build.versionLine}". The same sources are published by ` +
      `the FFmpeg project (https://ffmpeg.org/download.html) and by the build's maker (${origin}).`,
    "",
    await licenseTexts(build.license),
  ].join("\n");
}

/** libvips, which sharp loads as a separate shared library that a user may replace. */
export async function libvipsSection(packageId: string, license: string): Promise<string> {
  return [
    "## libvips (image decoding and encoding, used by sharp)",
    "",
    `Atelier ships libvips and the libraries it bundles as a separate shared library from the npm package ${packageId}, ` +
      `under **${license}**. It is loaded at run time from its own file in the app's \`app.asar.unpacked/node_modules/@img/\` ` +
      "folder, so it can be replaced with a modified version. Its source, and that of each library it bundles (listed " +
      "with their licenses in the package's section below), is published at https://github.com/libvips/libvips and " +
      `https://github.com/lovell/sharp-libvips, and is available on request from ${SOURCE_OFFER_CONTACT}, as for ffmpeg above.`,
    "",
    await licenseTexts(license),
  ].join("\n");
}

async function licenseTexts(license: string): Promise<string> {
  const files = TEXT_FILES[license];
  if (!files) throw new Error(`No license text is kept for ${license}: add it to scripts/notices/licenses/.`);
  const texts = await Promise.all(files.map((file) => readFile(path.join(LICENSE_TEXTS, file), "utf8")));
  return texts.map((text, index) => `### Full text: ${files[index]?.replace(/\.txt$/, "")}\n\n~~~~text\n${text.trim()}\n~~~~\n`).join("\n");
}
