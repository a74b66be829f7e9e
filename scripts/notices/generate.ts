import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import ffmpegInstaller from "@ffmpeg-installer/ffmpeg";
import { ffmpegSection, libvipsSection } from "./copyleft-sections";
import { describeFfmpegBuild } from "./ffmpeg-build";
import { productionPackages, type PackageNotice } from "./production-packages";
import { renderNotices } from "./render-notices";

const PROJECT_DIR = path.resolve(import.meta.dirname, "..", "..");
export const NOTICES_FILE = path.join(PROJECT_DIR, "resources", "THIRD_PARTY_NOTICES.md");

interface Manifest {
  name: string;
  version: string;
  license?: string;
  homepage?: string;
}

async function manifestOf(dir: string): Promise<Manifest> {
  return JSON.parse(await readFile(path.join(dir, "package.json"), "utf8")) as Manifest;
}

/** The notices for the dependencies installed in this project, as `npm run notices` writes them. */
export async function buildNotices(): Promise<string> {
  const packages = await productionPackages(PROJECT_DIR);
  const app = await manifestOf(PROJECT_DIR);
  const ffmpegDir = path.dirname(ffmpegInstaller.path);
  const ffmpegPackage = await manifestOf(ffmpegDir);
  const libvips = packages.find((pkg) => pkg.name.startsWith("@img/sharp-libvips-"));
  if (!libvips) throw new Error("sharp's libvips package is not installed: run npm ci.");
  const electronDir = path.join(PROJECT_DIR, "node_modules", "electron");
  const electronManifest = await manifestOf(electronDir);
  const electron: PackageNotice = {
    name: "electron",
    version: electronManifest.version,
    license: electronManifest.license ?? "MIT",
    repository: "https://github.com/electron/electron",
    licenseText: (await readFile(path.join(electronDir, "LICENSE"), "utf8")).trim(),
  };
  return renderNotices({
    appVersion: app.version,
    copyleftSections: [
      await ffmpegSection({
        build: await describeFfmpegBuild(ffmpegInstaller.path),
        packageId: `${ffmpegPackage.name}@${ffmpegPackage.version}`,
        origin: ffmpegPackage.homepage ?? "its publisher",
      }),
      await libvipsSection(`${libvips.name}@${libvips.version}`, libvips.license),
    ],
    electron,
    packages,
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const notices = await buildNotices();
  await writeFile(NOTICES_FILE, notices);
  process.stdout.write(`Wrote ${path.relative(PROJECT_DIR, NOTICES_FILE)} (${Math.round(notices.length / 1024)} KiB).\n`);
}
