import { mkdir, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createEventBus } from "../events/bus";
import type { Logger } from "../log/types";
import { ModelService } from "./model-service";

/** Test support: an empty `<tmp>/models` folder and ModelServices over it that record what they report. */
export interface ModelFolderRig {
  root: string;
  modelsDir: string;
  /** Warnings logged by every service() so far. */
  warnings: string[];
  /** How many models.changed events every service() emitted so far. */
  changes: number;
  service(): ModelService;
}

export async function openModelFolder(prefix: string): Promise<ModelFolderRig> {
  const root = await mkdtemp(path.join(tmpdir(), prefix));
  const modelsDir = path.join(root, "models");
  await mkdir(modelsDir);
  const rig: ModelFolderRig = {
    root,
    modelsDir,
    warnings: [],
    changes: 0,
    service() {
      const logger: Logger = { log: (level, _scope, message) => level === "warn" && rig.warnings.push(message) };
      const events = createEventBus(logger);
      events.subscribe((event, _payload) => void (event === "models.changed" && rig.changes++));
      return new ModelService(modelsDir, events, logger);
    },
  };
  return rig;
}
