import { readdir, rm, rmdir } from "node:fs/promises";
import path from "node:path";
import { AppError } from "../../shared/errors";
import { idSchema } from "../../shared/ids";
import type { ModelInfo } from "../../shared/models";
import type { InstalledSource } from "../catalog/catalog-service";
import type { EventBus } from "../events/bus";
import { isInside } from "../fs/inside";
import type { Logger } from "../log/types";
import { ModelDiscovery, type DiscoveredModel } from "./model-discovery";

/** The models in `<data>/models/` and in the extra folders named in settings. */
export class ModelService {
  readonly modelsDir: string;
  private readonly discovery: ModelDiscovery;
  private models: DiscoveredModel[] | undefined;
  private scanning: Promise<DiscoveredModel[]> | undefined;
  private rescanning: Promise<DiscoveredModel[]> | undefined;

  constructor(
    modelsDir: string,
    private readonly events: EventBus,
    private readonly logger: Logger,
    /** More folders to scan (settings.models.folders); relative ones are ignored. */
    private readonly extraFolders: () => readonly string[] = () => [],
  ) {
    this.modelsDir = path.resolve(modelsDir);
    this.discovery = new ModelDiscovery(logger);
  }

  async list(): Promise<ModelInfo[]> {
    return (await this.discovered()).map((model) => model.info);
  }

  /** Rescans the folders (a scan that began before this call is not enough) and tells every window. */
  async refresh(): Promise<ModelInfo[]> {
    const models = (await this.freshScan()).map((model) => model.info);
    this.events.emit("models.changed", { models });
    return models;
  }

  /** A model by id; a file dropped in since the last scan is found too. */
  async get(id: string): Promise<ModelInfo> {
    return (await this.find(id)).info;
  }

  /** Where installed models came from, for the catalog's "installed" flag. */
  async installedSources(): Promise<InstalledSource[]> {
    const sources: InstalledSource[] = [];
    for (const { location } of await this.discovered()) {
      if (location.kind !== "manifest" || !location.manifest.source) continue;
      sources.push({ ...location.manifest.source, files: location.manifest.files.map((file) => file.path) });
    }
    return sources;
  }

  /**
   * Removes a model: its manifest folder (for a linked import, only the manifest: the
   * user's files stay), or a plain GGUF file (for a symlink, the link, never its target)
   * and its folder when left empty. Only what lies in `<data>/models` is ever removed.
   * The caller unloads it from every engine first.
   */
  async delete(id: string): Promise<void> {
    if (!idSchema.safeParse(id).success) throw new AppError("INVALID_INPUT", "That is not a valid model id.");
    const { location } = await this.find(id);
    const target = location.kind === "manifest" ? location.folder : location.file;
    if (target === this.modelsDir || !isInside(this.modelsDir, target)) {
      throw new AppError(
        "UNSUPPORTED",
        `"${id}" lives in ${path.dirname(target)}, a folder of yours: Atelier only deletes what it keeps in its own models folder. Remove it there, or remove the folder in Settings.`,
      );
    }
    if (location.kind === "manifest") {
      await rm(location.folder, { recursive: true, force: true });
    } else {
      await rm(location.file, { force: true });
      const folder = path.dirname(location.file);
      if (folder !== this.modelsDir && (await readdir(folder).catch(() => ["?"])).length === 0) await rmdir(folder).catch(() => undefined);
    }
    this.logger.log("info", "models", `Deleted model ${id}`, { target });
    await this.refresh();
  }

  private async find(id: string): Promise<DiscoveredModel> {
    const known = (await this.discovered()).find((model) => model.info.id === id);
    if (known) return known;
    await this.refresh();
    const fresh = this.models?.find((model) => model.info.id === id);
    if (!fresh) throw new AppError("NOT_FOUND", `There is no model "${id}" in the models folder.`);
    return fresh;
  }

  private async discovered(): Promise<DiscoveredModel[]> {
    return this.models ?? (await this.scan());
  }

  private roots(): string[] {
    const extra = this.extraFolders().filter((folder) => path.isAbsolute(folder)).map((folder) => path.resolve(folder));
    return [this.modelsDir, ...extra.filter((folder) => folder !== this.modelsDir)];
  }

  /**
   * A scan that starts now or later: one already running may have listed the folders before a
   * change (an install) the caller needs to see. Callers waiting meanwhile share the next scan.
   */
  private freshScan(): Promise<DiscoveredModel[]> {
    const running = this.scanning;
    if (!running) return this.scan();
    this.rescanning ??= running
      .catch(() => undefined)
      .then(() => {
        this.rescanning = undefined;
        return this.scan();
      });
    return this.rescanning;
  }

  private scan(): Promise<DiscoveredModel[]> {
    // Concurrent callers share one scan instead of reading every header twice.
    this.scanning ??= this.discovery.scan(this.roots()).then(
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
