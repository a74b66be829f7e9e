import type { HardwareInfo } from "../../../../shared/library";
import { formatBytes } from "../../format";
import { useApp } from "../../store/context";

/** "8.2 GB RAM (3.1 GB free) · 2 CPU cores · NVIDIA RTX 4090, 24.0 GB VRAM": what fit verdicts are measured against. */
export function describeMachine(hardware: HardwareInfo): string {
  const ram = `${formatBytes(hardware.ramBytes)} RAM (${formatBytes(hardware.freeRamBytes)} free)`;
  const cores = `${hardware.cpuCores} CPU core${hardware.cpuCores === 1 ? "" : "s"}`;
  const gpus = hardware.gpus.length === 0 ? "no GPU found" : hardware.gpus.map((gpu) => `${gpu.name}, ${formatBytes(gpu.vramBytes)} VRAM`).join("; ");
  return [ram, cores, gpus].join(" · ");
}

export function MachineSummary() {
  const hardware = useApp((s) => s.hardware);
  if (!hardware) return null;
  return <p className="muted machine-summary">This machine: {describeMachine(hardware)}</p>;
}
