import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unpackedAsarPath } from "./asar-path";
import { packageNameOf } from "./bundle-externals";
import { nativeKindOf } from "./native-files";

describe("packageNameOf", () => {
  it.each([
    ["sharp", "sharp"],
    ["node-llama-cpp/dist/index.js", "node-llama-cpp"],
    ["@ffmpeg-installer/ffmpeg", "@ffmpeg-installer/ffmpeg"],
    ["@img/sharp-linux-x64/sharp.node", "@img/sharp-linux-x64"],
  ])("%s belongs to %s", (id, name) => expect(packageNameOf(id)).toBe(name));

  it.each(["node:fs", "fs", "path/posix", "electron", "./chunks/a.js", "../x", "/abs/file.js", "data:text/javascript,1", ""])(
    "%s is no package",
    (id) => expect(packageNameOf(id)).toBeUndefined(),
  );
});

describe("nativeKindOf", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "atelier-native-"));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  async function file(name: string, content: Buffer | string, mode = 0o644): Promise<string> {
    const target = path.join(dir, name);
    await writeFile(target, content);
    await chmod(target, mode);
    return target;
  }

  it("tells binaries by their magic bytes, whatever their name", async () => {
    expect(await nativeKindOf(await file("lib.so.1", Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1])))).toBe("elf");
    expect(await nativeKindOf(await file("lib.dylib", Buffer.from("cffaedfe07000001", "hex")))).toBe("mach-o");
    expect(await nativeKindOf(await file("universal", Buffer.from("cafebabe00000002", "hex")))).toBe("mach-o");
    expect(await nativeKindOf(await file("DirectML.dll", Buffer.from("MZ\x90\x00", "latin1")))).toBe("pe");
    expect(await nativeKindOf(await file("addon.node", "anything"))).toBe("node-addon");
  });

  it("counts executables a shell would run, not Node scripts or text marked executable", async () => {
    expect(await nativeKindOf(await file("tool", Buffer.from([1, 2, 0, 3]), 0o755))).toBe("executable");
    expect(await nativeKindOf(await file("run.sh", "#!/bin/sh\necho hi\n", 0o755))).toBe("executable");
    expect(await nativeKindOf(await file("cli.js", "#!/usr/bin/env node\nconsole.log(1)\n", 0o755))).toBeUndefined();
    expect(await nativeKindOf(await file("README.md", "# read me\n", 0o755))).toBeUndefined();
    expect(await nativeKindOf(await file("data.bin", Buffer.from([1, 2, 0, 3])))).toBeUndefined();
  });
});

describe("unpackedAsarPath", () => {
  it("points a path inside app.asar to app.asar.unpacked", () => {
    expect(unpackedAsarPath("/opt/Atelier/resources/app.asar/node_modules/@ffmpeg-installer/linux-x64/ffmpeg")).toBe(
      "/opt/Atelier/resources/app.asar.unpacked/node_modules/@ffmpeg-installer/linux-x64/ffmpeg",
    );
    expect(unpackedAsarPath("C:\\Atelier\\resources\\app.asar\\node_modules\\@ffmpeg-installer\\win32-x64\\ffmpeg.exe")).toBe(
      "C:\\Atelier\\resources\\app.asar.unpacked\\node_modules\\@ffmpeg-installer\\win32-x64\\ffmpeg.exe",
    );
  });

  it("leaves other paths alone, including an already unpacked one", () => {
    for (const unchanged of ["/work/node_modules/@ffmpeg-installer/linux-x64/ffmpeg", "/r/app.asar.unpacked/x", "/r/my-app.asar/x"]) {
      expect(unpackedAsarPath(unchanged)).toBe(unchanged);
    }
  });
});
