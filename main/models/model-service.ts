import { readdir, rm, rmdir } from "node:fs/promises";
import path from "node:path";
import { AppError } from "../../shared/errors";
import { idSchema } from "../../shared/ids";
import type { ModelInfo } from "../../shared/models";
import type { EventBus } from "../events/bus";
import { isInside, resolveInside } from "../fs/inside";
import type { Logger } from "../log/types";
import { ModelDiscovery } from "./model-discovery";

/** The models a user has in `<data>/models/`. */
export class ModelService {
  private readonly modelsDir: string;
  private readonly discovery: ModelDiscovery;
  private models: ModelInfo[] | undefined;
  private scanning: Promise<ModelInfo[]> | undefined;

  constructor(
    modelsDir: string,
    private readonly events: EventBus,
    private readonly logger: Logger,
  ) {
    this.modelsDir = path.resolve(modelsDir);
    this.discovery = new ModelDiscovery(this.modelsDir, logger);
  }

  async list(): Promise<ModelInfo[]> {
    return this.models ?? (await this.scan());
  }

  /** Rescans the folder and tells every window. */
  async refresh(): Promise<ModelInfo[]> {
    const models = await this.scan();
    this.events.emit("models.changed", { models });
    return models;
  }

  /** A model by id; a file dropped in since the last scan is found too. */
  async get(id: string): Promise<ModelInfo> {
    const known = (await this.list()).find((model) => model.id === id);
    if (known) return known;
    const fresh = (await this.refresh()).find((model) => model.id === id);
    if (!fresh) throw new AppError("NOT_FOUND", `There is no model "${id}" in the models folder.`);
    return fresh;
  }

  /**
   * Removes a model's file (for a symlink, the link, never its target), and its folder
   * when that is left empty. The caller unloads it from the engine first.
   */
  async delete(id: string): Promise<void> {
    if (!idSchema.safeParse(id).success) throw new AppError("INVALID_INPUT", "That is not a valid model id.");
    const model = await this.get(id);
    const file = resolveInside(this.modelsDir, path.relative(this.modelsDir, model.path));
    if (file === path.resolve(this.modelsDir)) throw new AppError("INVALID_INPUT", "Refusing to delete the models folder.");
    await rm(file, { force: true });
    const folder = path.dirname(file);
    if (folder !== path.resolve(this.modelsDir) && isInside(this.modelsDir, folder)) {
      if ((await readdir(folder).catch(() => ["?"])).length === 0) await rmdir(folder).catch(() => undefined);
    }
    this.logger.log("info", "models", `Deleted model ${id}`, { file });
    await this.refresh();
  }

  private scan(): Promise<ModelInfo[]> {
    // Concurrent callers share one scan instead of reading every header twice.
    this.scanning ??= this.discovery.scan().then(
      (models) => {
        this.models = models;
        this.scanning = undefined;
        return models;
      },
      (error: unknown) => {
        this.scanning = undefined;
        throw error;
      },
    );
    return this.scanning;
  }
}
