import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_PORT, parseServeArgs } from "./cli-args";

describe("serve command line", () => {
  it("reads --port, --data-dir (relative to the working folder) and --host", () => {
    expect(parseServeArgs(["--port", "0", "--data-dir", "data", "--host", "0.0.0.0"], "/work")).toEqual({
      port: 0,
      dataDir: path.resolve("/work/data"),
      host: "0.0.0.0",
      exitWithParent: false,
    });
    expect(parseServeArgs(["--exit-with-parent"], "/work").exitWithParent).toBe(true);
    expect(parseServeArgs(["--port=8080", "--data-dir=/tmp/x"], "/work")).toMatchObject({ port: 8080, host: "127.0.0.1" });
    expect(parseServeArgs([], "/work").port).toBe(DEFAULT_PORT);
  });

  it.each([[["--port", "abc"]], [["--port", "70000"]], [["--port", "-1"]], [["--port", "1.5"]], [["--bogus"]], [["positional"]], [["--host", ""]], [["--exit-with-parent=yes"]]])(
    "refuses %j with a readable message",
    (argv) => {
      expect(() => parseServeArgs(argv, "/work")).toThrow(/./);
    },
  );
});
