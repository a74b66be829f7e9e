import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { processesWithEnvironment, type FoundProcess } from "./process-census";
import { waitUntil } from "./wait-until";

/**
 * Real Playwright runs of the end-to-end fixtures (e2e/process-cleanup/), each with its own TMPDIR:
 * every process of a run (runner, worker, serve, engines, browser) inherits it, so the census
 * finds them all, and after the run there must be none.
 */
const PLAYWRIGHT_CLI = path.resolve("node_modules/@playwright/test/cli.js");
const CONFIGS = path.resolve("e2e/process-cleanup");

interface Run {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
  census(): Promise<FoundProcess[]>;
}

const runs: { tmp: string; census(): Promise<FoundProcess[]> }[] = [];

afterEach(async () => {
  // Whatever a failed test left behind is ended here, by pid: only processes of its own runs.
  for (const run of runs.splice(0)) {
    for (const found of await run.census()) process.kill(found.pid, "SIGKILL");
    await rm(run.tmp, { recursive: true, force: true });
  }
});

async function startRun(config: string): Promise<Run> {
  const tmp = await mkdtemp(path.join(tmpdir(), "atelier-cleanup-run-"));
  const census = () => processesWithEnvironment(`TMPDIR=${tmp}`);
  runs.push({ tmp, census });
  const child = spawn(process.execPath, [PLAYWRIGHT_CLI, "test", "--config", path.join(CONFIGS, config)], {
    env: { ...process.env, TMPDIR: tmp },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  return { child, exited, output: () => output, census };
}

const isServe = (found: FoundProcess): boolean => found.argv.some((arg) => arg.endsWith(path.join("out", "main", "serve.js")));
const isHangingBrowser = (found: FoundProcess): boolean => found.argv.some((arg) => arg.includes("Browser.close"));

async function noneLeft(run: Run, timeoutMs: number): Promise<void> {
  await waitUntil(async () => ((await run.census()).length === 0 ? true : undefined), timeoutMs, "every process of the run to exit").catch(
    async (error: unknown) => {
      const left = (await run.census()).map((found) => `${found.pid} ${found.argv.join(" ").slice(0, 160)}`);
      throw new Error(`${String(error)}; still running:\n${left.join("\n")}\n${run.output()}`);
    },
  );
}

describe("end-to-end runs leave no process behind", () => {
  it("stops the server when the browser cannot start", async () => {
    const run = await startRun("missing-browser.config.ts");
    // The fixture starts the server before the browser: watch for it while the run lasts.
    let sawServe = false;
    let finished = false;
    void run.exited.then(() => (finished = true));
    while (!finished) {
      if ((await run.census()).some(isServe)) sawServe = true;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    expect((await run.exited).code).toBe(1);
    expect(run.output()).toContain("executable doesn't exist at /nonexistent/atelier-cleanup/chromium");
    expect(sawServe).toBe(true);
    await noneLeft(run, 5_000);
  }, 90_000);

  it.each(["SIGINT", "SIGTERM", "SIGKILL"] as const)("stops the server within seconds when the runner gets %s mid-test", async (signal) => {
    const run = await startRun("hanging-browser.config.ts");
    // Mid-test: the server is up and the browser is starting (and never will).
    const serve = await waitUntil(
      async () => {
        const found = await run.census();
        return found.some(isHangingBrowser) ? found.find(isServe) : undefined;
      },
      60_000,
      "the server and the browser to start",
    );

    run.child.kill(signal);
    await run.exited;
    await waitUntil(async () => ((await run.census()).some((found) => found.pid === serve.pid) ? undefined : true), 5_000, "the server to exit");
    await noneLeft(run, 10_000);
  }, 90_000);
});
