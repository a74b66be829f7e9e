import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../shared/errors";
import { invoke, openTestHost, tempDataDir } from "../host-test-kit";
import { aboutHandlers, defaultNoticesFile } from "./about-handlers";

describe("app.about", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "atelier-about-"));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it("answers the version and the notices file as it is on disk", async () => {
    const file = path.join(dir, "THIRD_PARTY_NOTICES.md");
    await writeFile(file, "# Third-party notices\n\n## zod@4.0.0\n");
    expect(await aboutHandlers("1.2.3", file)["app.about"]()).toEqual({ version: "1.2.3", notices: "# Third-party notices\n\n## zod@4.0.0\n" });
  });

  it("says where the notices should be when they are missing", async () => {
    const missing = path.join(dir, "nowhere", "THIRD_PARTY_NOTICES.md");
    const failure = aboutHandlers("1.2.3", missing)["app.about"]();
    await expect(failure).rejects.toBeInstanceOf(AppError);
    await expect(failure).rejects.toMatchObject({ code: "NOT_FOUND", message: expect.stringContaining(missing) });
  });

  it("finds the notices beside the build output, as the packaged app lays them out", () => {
    expect(defaultNoticesFile(path.join("/app", "out", "main"))).toBe(path.resolve("/app", "resources", "THIRD_PARTY_NOTICES.md"));
  });
});

describe("app.about through the host's router", () => {
  it("answers the notices that ship in resources/", async () => {
    const dataDir = await tempDataDir();
    const host = await openTestHost(dataDir);
    try {
      const about = await invoke(host, "app.about", {});
      expect(about.version).toBe("test");
      expect(about.notices).toMatch(/^# Third-party notices\n/);
      expect(about.notices).toContain("### Written offer for the source code of ffmpeg");
    } finally {
      await host.dispose();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
