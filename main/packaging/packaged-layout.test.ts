import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { statFile } from "@electron/asar";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unpackedAsarPath } from "./asar-path";
import { nativeInventory, type NativeInventory } from "./native-inventory";

const run = promisify(execFile);
const PROJECT_DIR = path.resolve(import.meta.dirname, "..", "..");
const ELECTRON_DIR = path.join(PROJECT_DIR, "node_modules", "electron");
/** Native files built for the machine running the test (`linux-x64`, `linux/x64`). */
const THIS_PLATFORM = new RegExp(`[-/]${process.platform}[-/]${process.arch}(?:[/.-]|$)`);

/** The files electron-builder takes from an Electron distribution, with a shell script in place of the Electron binary. */
async function fakeElectronDist(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "electron"), "#!/bin/sh\necho 'not Electron'\n");
  await chmod(path.join(dir, "electron"), 0o755);
  await copyFile(path.join(ELECTRON_DIR, "LICENSE"), path.join(dir, "LICENSE"));
  await writeFile(path.join(dir, "LICENSES.chromium.html"), "<p>Chromium licenses</p>\n");
  await writeFile(path.join(dir, "version"), (JSON.parse(await readFile(path.join(ELECTRON_DIR, "package.json"), "utf8")) as { version: string }).version);
}

function archiveEntry(archive: string, relative: string): ReturnType<typeof statFile> | undefined {
  try {
    return statFile(archive, relative);
  } catch {
    return undefined;
  }
}

/**
 * Runs electron-builder itself (`--dir`: the unpacked app, no installer) with a stand-in for
 * the Electron binary, which these machines cannot download, and checks the layout it writes.
 */
describe("electron-builder --dir lays out a packaged app whose native pieces work from app.asar.unpacked", () => {
  let work: string;
  let resources: string;
  let archive: string;
  let inventory: NativeInventory;

  beforeAll(async () => {
    if (!existsSync(path.join(PROJECT_DIR, "out", "main", "index.js"))) throw new Error("Build first: npx electron-vite build");
    if (process.platform !== "linux") throw new Error("The stand-in Electron distribution is laid out for Linux.");
    work = await mkdtemp(path.join(tmpdir(), "atelier-dist-"));
    await fakeElectronDist(path.join(work, "electron"));
    const { version } = JSON.parse(await readFile(path.join(ELECTRON_DIR, "package.json"), "utf8")) as { version: string };
    const cli = createRequire(import.meta.url).resolve("electron-builder/cli.js");
    await run(process.execPath, [cli, "--linux", "--dir", `-c.electronDist=${path.join(work, "electron")}`, `-c.electronVersion=${version}`, `-c.directories.output=${path.join(work, "dist")}`], {
      cwd: PROJECT_DIR,
      maxBuffer: 64 * 1024 * 1024,
    });
    resources = path.join(work, "dist", `linux-${process.arch === "x64" ? "" : `${process.arch}-`}unpacked`, "resources");
    archive = path.join(resources, "app.asar");
    inventory = await nativeInventory(path.join(PROJECT_DIR, "out", "main"), PROJECT_DIR);
  }, 600_000);

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it("packs the bundle, the catalog and the notices", async () => {
    for (const file of ["package.json", "out/main/index.js", "out/main/engine-llm.js", "out/renderer/index.html", "resources/catalog.json"]) {
      expect(archiveEntry(archive, file), file).toBeDefined();
    }
    expect(await readFile(path.join(resources, "THIRD_PARTY_NOTICES.md"), "utf8")).toBe(await readFile(path.join(PROJECT_DIR, "resources", "THIRD_PARTY_NOTICES.md"), "utf8"));
    expect(archiveEntry(archive, "node_modules/@ffmpeg-installer/ffmpeg/.env")).toBeUndefined();
  });

  it("keeps no native file inside the archive, and every one built for this machine beside it", async () => {
    const packed: string[] = [];
    const missing: string[] = [];
    for (const native of inventory.files) {
      const relative = path.relative(PROJECT_DIR, native.file);
      const entry = archiveEntry(archive, relative);
      if (entry && !("unpacked" in entry && entry.unpacked)) packed.push(relative);
      const unpacked = path.join(resources, "app.asar.unpacked", relative);
      if (THIS_PLATFORM.test(relative) && (!existsSync(unpacked) || (await stat(unpacked)).size !== (await stat(native.file)).size)) missing.push(relative);
    }
    expect(packed, "inside app.asar").toEqual([]);
    expect(missing, "not in app.asar.unpacked").toEqual([]);
    expect(inventory.files.filter((native) => THIS_PLATFORM.test(native.file)).length).toBeGreaterThan(5);
  });

  it("loads the unpacked addons with their shared libraries found beside them", async () => {
    const addons = inventory.files
      .map((native) => path.relative(PROJECT_DIR, native.file))
      .filter((relative) => relative.endsWith(".node") && THIS_PLATFORM.test(relative) && !/cuda|vulkan/.test(relative));
    expect(addons).toEqual(
      expect.arrayContaining([expect.stringMatching(/llama-addon\.node$/), expect.stringMatching(/onnxruntime_binding\.node$/), expect.stringMatching(/@img\/sharp-[^/]+\/lib\/sharp-/)]),
    );
    for (const relative of addons) {
      const file = path.join(resources, "app.asar.unpacked", relative);
      const { stdout } = await run(process.execPath, ["-e", "const m = { exports: {} }; process.dlopen(m, process.argv[1]); console.log(typeof m.exports)", file]);
      expect(stdout.trim(), relative).toBe("object");
    }
  });

  it("spawns ffmpeg from the path main/audio/ffmpeg.ts derives from @ffmpeg-installer's path inside app.asar", async () => {
    const ffmpeg = inventory.files.find((native) => /@ffmpeg-installer\/[^/]+\/ffmpeg$/.test(native.file));
    expect(ffmpeg).toBeDefined();
    const insideArchive = path.join(archive, path.relative(PROJECT_DIR, ffmpeg?.file ?? ""));
    const { stdout } = await run(unpackedAsarPath(insideArchive), ["-hide_banner", "-version"]);
    expect(stdout).toMatch(/^ffmpeg version /);
  });
});
