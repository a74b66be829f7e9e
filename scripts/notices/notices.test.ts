import { readFile } from "node:fs/promises";
import ffmpegInstaller from "@ffmpeg-installer/ffmpeg";
import { beforeAll, describe, expect, it } from "vitest";
import { describeFfmpegBuild, ffmpegLicense } from "./ffmpeg-build";
import { NOTICES_FILE } from "./generate";
import { licenseSection, productionPackages, type PackageNotice } from "./production-packages";
import { packageHeading } from "./render-notices";

describe("resources/THIRD_PARTY_NOTICES.md", () => {
  let notices: string;
  let headings: Set<string>;
  let packages: PackageNotice[];

  beforeAll(async () => {
    notices = await readFile(NOTICES_FILE, "utf8");
    headings = new Set(notices.split("\n").filter((line) => line.startsWith("## ")));
    packages = await productionPackages(process.cwd());
  });

  it("names every installed production dependency with its version and license (else run npm run notices)", () => {
    expect(packages.length).toBeGreaterThan(100);
    const missing = packages.filter((pkg) => !headings.has(packageHeading(pkg))).map((pkg) => `${pkg.name}@${pkg.version}`);
    expect(missing, "Run `npm run notices` and commit resources/THIRD_PARTY_NOTICES.md").toEqual([]);
    for (const name of ["react", "zod", "node-llama-cpp", "onnxruntime-node", "sharp", "@ffmpeg-installer/ffmpeg"]) {
      expect(packages.some((pkg) => pkg.name === name)).toBe(true);
    }
    const zod = packages.find((pkg) => pkg.name === "zod");
    expect(notices).toContain(`- zod@${zod?.version}: MIT`);
    expect(notices).toMatch(/## zod@[^\n]+\n\nLicense: MIT[^\n]*\n\n~~~~text\nMIT License/);
  });

  it("names the Electron runtime the installers carry", async () => {
    const { version } = JSON.parse(await readFile("node_modules/electron/package.json", "utf8")) as { version: string };
    expect(headings.has(`## electron@${version}`)).toBe(true);
  });

  it("states the shipped ffmpeg build, its GPL license and a written offer for its source", async () => {
    const build = await describeFfmpegBuild(ffmpegInstaller.path);
    expect(build.license).toBe("GPL-3.0-or-later");
    expect(notices).toContain(`- Build: ${build.versionLine}`);
    expect(notices).toContain(`- License: **${build.license}**`);
    expect(notices).toContain("### Written offer for the source code of ffmpeg");
    expect(notices).toMatch(/### Full text: GPL-3\.0\n\n~~~~text\nGNU GENERAL PUBLIC LICENSE\s+Version 3/);
    expect(notices).toMatch(/## libvips[^\n]*\n\n[^\n]*under \*\*LGPL-3\.0-or-later\*\*/);
  });
});

describe("ffmpegLicense", () => {
  it.each([
    ["--enable-gpl --enable-version3 --enable-libx264", "GPL-3.0-or-later"],
    ["--enable-gpl --enable-libx264", "GPL-2.0-or-later"],
    ["--enable-version3", "LGPL-3.0-or-later"],
    ["--disable-debug", "LGPL-2.1-or-later"],
  ])("%s → %s", (configuration, license) => expect(ffmpegLicense(configuration)).toBe(license));

  it("refuses a build that may not be redistributed", () => {
    expect(() => ffmpegLicense("--enable-gpl --enable-nonfree --enable-libfdk-aac")).toThrow(/nonfree/);
  });
});

describe("licenseSection", () => {
  it("takes a README's License section up to the next heading of its level", () => {
    const readme = "# pkg\n\nUse it.\n\n## License\n\nMIT, see below.\n\n### Details\n\nCopyright X.\n\n## Contributing\n\nPRs welcome.";
    expect(licenseSection(readme)).toBe("## License\n\nMIT, see below.\n\n### Details\n\nCopyright X.");
    expect(licenseSection("# pkg\n\nNo terms here.")).toBeUndefined();
  });
});
