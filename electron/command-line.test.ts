import { describe, expect, it } from "vitest";
import { parseDesktopArgs } from "./command-line";

const cwd = "/home/creator";

describe("parseDesktopArgs", () => {
  it("leaves the data dir to Electron when no flag is given", () => {
    expect(parseDesktopArgs(["/usr/bin/electron", "out/main/index.js"], cwd)).toEqual({ dataDir: undefined });
  });

  it("reads --data-dir DIR among Electron's own switches and resolves it", () => {
    const argv = ["electron", "--inspect=0", "out/main/index.js", "--data-dir", "data/a", "--remote-debugging-port=0"];
    expect(parseDesktopArgs(argv, cwd)).toEqual({ dataDir: "/home/creator/data/a" });
  });

  it("reads --data-dir=DIR and keeps absolute paths", () => {
    expect(parseDesktopArgs(["electron", ".", "--data-dir=/tmp/atelier"], cwd)).toEqual({ dataDir: "/tmp/atelier" });
  });

  it("refuses a flag without a directory", () => {
    expect(() => parseDesktopArgs(["electron", ".", "--data-dir"], cwd)).toThrow(/needs a directory/);
    expect(() => parseDesktopArgs(["electron", ".", "--data-dir", "--inspect"], cwd)).toThrow(/needs a directory/);
    expect(() => parseDesktopArgs(["electron", ".", "--data-dir="], cwd)).toThrow(/needs a directory/);
  });
});
