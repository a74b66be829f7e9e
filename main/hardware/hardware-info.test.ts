import os from "node:os";
import { getLlama } from "node-llama-cpp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hardwareInfoSchema } from "../../shared/library";
import type { Host } from "../host";
import { invoke, openTestHost, tempDataDir } from "../host-test-kit";

let host: Host;

beforeAll(async () => {
  host = await openTestHost(await tempDataDir());
});

afterAll(async () => {
  await host.dispose();
});

describe("hardware.info on this machine", () => {
  it("reports RAM and CPU from the OS, GPUs as llama.cpp sees them, and onnxruntime's CPU provider", async () => {
    const info = hardwareInfoSchema.parse(await invoke(host, "hardware.info", {}));
    expect(info.ramBytes).toBe(os.totalmem());
    expect(info.freeRamBytes).toBeGreaterThan(0);
    expect(info.freeRamBytes).toBeLessThanOrEqual(info.ramBytes);
    expect(info.cpuCores).toBe(os.availableParallelism());
    expect(info.cpuModel.length).toBeGreaterThan(0);
    expect(info.onnxProviders[0]).toBe("cpu");

    // The same answer llama.cpp gives this test process directly.
    const llama = await getLlama({ gpu: "auto", build: "never" });
    try {
      const devices = llama.gpu === false ? [] : await llama.getGpuDeviceNames();
      expect(info.gpus.map((gpu) => gpu.name)).toEqual(llama.gpu === false ? [] : devices.length > 0 ? devices : [`${llama.gpu.toUpperCase()} GPU`]);
      for (const gpu of info.gpus) expect(gpu).toMatchObject({ type: llama.gpu });
    } finally {
      await llama.dispose();
    }
  });

  it("answers again from its cache, with fresh free RAM", async () => {
    const started = performance.now();
    const again = await invoke(host, "hardware.info", {});
    expect(performance.now() - started).toBeLessThan(500);
    expect(again.cpuCores).toBe(os.availableParallelism());
  });
});
