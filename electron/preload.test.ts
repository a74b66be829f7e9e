import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { runInNewContext } from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";
import type { PreloadBridge } from "../shared/api";
import { CHANNELS } from "../shared/contract";

// Runs the built preload (out/preload/index.cjs, from `npm run build`) the way a sandboxed
// renderer does: a CommonJS script whose only module is "electron". Electron itself cannot
// run here, so its two preload APIs are stood in by recorders.
const BUNDLE = fileURLToPath(new URL("../out/preload/index.cjs", import.meta.url));

type IpcListener = (event: object, ...args: unknown[]) => void;

function loadPreload() {
  const invoked: { name: string; request: unknown }[] = [];
  const ipcListeners = new Map<string, IpcListener[]>();
  const exposed = new Map<string, unknown>();
  const electron = {
    ipcRenderer: {
      invoke: (name: string, request: unknown) => {
        invoked.push({ name, request });
        return Promise.resolve({ ok: true, value: name });
      },
      on: (name: string, listener: IpcListener) => {
        ipcListeners.set(name, [...(ipcListeners.get(name) ?? []), listener]);
      },
    },
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  };
  const required: string[] = [];
  const sandboxRequire = (id: string) => {
    required.push(id);
    if (id !== "electron") throw new Error(`a sandboxed preload cannot require ${id}`);
    return electron;
  };
  const module = { exports: {} };
  runInNewContext(readFileSync(BUNDLE, "utf8"), { require: sandboxRequire, module, exports: module.exports, console });
  const push = (event: string, payload: unknown) => {
    for (const listener of ipcListeners.get("atelier:event") ?? []) listener({}, event, payload);
  };
  return { bridge: exposed.get("atelier") as PreloadBridge, exposed, invoked, required, push };
}

describe("the built preload", () => {
  beforeAll(() => {
    if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run \`npm run build\` first`);
  });

  it("is CommonJS that requires nothing but electron", () => {
    const source = readFileSync(BUNDLE, "utf8");
    expect(source).not.toMatch(/^\s*import[\s{*]/m);
    expect(source).not.toMatch(/\bimport\s*\(/);
    const requires = [...source.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1]);
    expect(new Set(requires)).toEqual(new Set(["electron"]));
    expect(loadPreload().required).toEqual(["electron"]);
  });

  it("exposes only window.atelier, with one function per channel and no ipcRenderer", async () => {
    const { bridge, exposed, invoked } = loadPreload();
    expect([...exposed.keys()]).toEqual(["atelier"]);
    expect(Object.keys(bridge).sort()).toEqual(["invoke", "on"]);
    expect(Object.keys(bridge.invoke).sort()).toEqual([...CHANNELS].sort());

    await expect(bridge.invoke["chat.get"]({ id: "abc" })).resolves.toEqual({
      ok: true,
      value: "atelier:invoke:chat.get",
    });
    expect(invoked).toEqual([{ name: "atelier:invoke:chat.get", request: { id: "abc" } }]);
  });

  it("routes each pushed event to its own listeners", () => {
    const { bridge, push } = loadPreload();
    const deltas: unknown[] = [];
    const deleted: unknown[] = [];
    bridge.on("chat.delta", (payload) => deltas.push(payload));
    bridge.on("chat.deleted", (payload) => deleted.push(payload));
    push("chat.deleted", { id: "c1" });
    push("no.such.event", { id: "c2" });
    expect(deltas).toEqual([]);
    expect(deleted).toEqual([{ id: "c1" }]);
  });

  it("unsubscribes exactly the one subscription, even for a listener added twice", () => {
    const { bridge, push } = loadPreload();
    const seen: string[] = [];
    const listener = () => seen.push("shared");
    const first = bridge.on("job.updated", listener);
    bridge.on("job.updated", listener);
    bridge.on("job.updated", () => seen.push("other"));
    first();
    push("job.updated", {});
    expect(seen.sort()).toEqual(["other", "shared"]);
  });

  it("keeps delivering when one listener throws, and refuses unknown events", () => {
    const { bridge, push } = loadPreload();
    const seen: unknown[] = [];
    const original = console.error;
    console.error = () => {};
    try {
      bridge.on("settings.changed", () => {
        throw new Error("boom");
      });
      bridge.on("settings.changed", (payload) => seen.push(payload));
      push("settings.changed", { theme: "dark" });
    } finally {
      console.error = original;
    }
    expect(seen).toEqual([{ theme: "dark" }]);
    expect(() => bridge.on("nope" as "chat.delta", () => {})).toThrow(/Unknown Atelier event/);
  });
});
