import { mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { writeFileDurably } from "../fs/durable-write";
import { AppError } from "../../shared/errors";
import type { ModelFamily } from "../../shared/families";
import { slugify } from "../../shared/ids";
import type { ModelInfo } from "../../shared/models";
import type { OnnxFileInfo } from "../engines/onnx/methods";
import { validateGgufFile } from "../engines/llm/gguf-validation";
import { isInside } from "../fs/inside";
import type { Logger } from "../log/types";
import { copyFiles, listFolderFiles, type FolderFile } from "./import-files";
import { MANIFEST_FILE, modelManifestSchema, type ModelManifest } from "./manifest";
import type { ModelService } from "./model-service";
import { guessOnnxFamily } from "./onnx-family";

export interface ImportRequest {
  path: string;
  mode: "copy" | "link";
  family?: ModelFamily;
  name?: string;
}

export interface ModelImporterDeps {
  models: ModelService;
  /** Opens each file in the ONNX engine; rejects with MODEL_LOAD_FAILED for one that does not open. */
  inspectOnnx: (paths: string[]) => Promise<OnnxFileInfo[]>;
  logger: Logger;
}

/** What was validated: the files to register and how to describe them. */
interface Validated {
  sourceRoot: string;
  files: FolderFile[];
  family: ModelFamily;
  format: "gguf" | "onnx";
  entry?: string;
  defaultName: string;
}

/**
 * Imports a `.gguf` file or an ONNX model folder after reading it for real (GGUF header
 * and tensors; every .onnx opened in the ONNX engine). A copy is streamed into
 * `<models>/<id>.importing/`, its manifest written last, then the folder renamed into
 * place; a link writes only the manifest, whose `root` is the user's folder.
 */
export class ModelImporter {
  constructor(private readonly deps: ModelImporterDeps) {}

  async import(request: ImportRequest): Promise<ModelInfo> {
    const source = await this.checkSource(request.path);
    const validated = source.isFile ? await this.validateGguf(source.path, request.family) : await this.validateOnnxFolder(source.path, request.family);
    const name = request.name ?? validated.defaultName;
    const { modelsDir } = this.deps.models;
    const { id, staging } = await this.reserve(slugify(name));
    try {
      const manifest = this.manifest(id, name, validated, request.mode);
      if (request.mode === "copy") await copyFiles(validated.sourceRoot, validated.files, staging);
      await writeFileDurably(path.join(staging, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
      await rename(staging, path.join(modelsDir, id));
    } catch (error) {
      await rm(staging, { recursive: true, force: true });
      if ((error as NodeJS.ErrnoException).code === "ENOSPC") throw new AppError("DISK_FULL", `There is not enough disk space to copy "${name}". Free some space or import it as a link.`);
      throw error;
    }
    this.deps.logger.log("info", "models", `Imported ${request.path} as ${id} (${request.mode})`);
    await this.deps.models.refresh();
    return this.deps.models.get(id);
  }

  private async checkSource(requested: string): Promise<{ path: string; isFile: boolean }> {
    if (!path.isAbsolute(requested)) throw new AppError("INVALID_INPUT", "Give the full path of the model file or folder to import.");
    const resolved = path.resolve(requested);
    if (isInside(this.deps.models.modelsDir, resolved)) {
      throw new AppError("INVALID_INPUT", "That is already inside Atelier's models folder; it is found there without importing.");
    }
    const info = await stat(resolved).catch(() => undefined);
    if (!info) throw new AppError("NOT_FOUND", `There is nothing at ${resolved}.`);
    if (!info.isFile() && !info.isDirectory()) throw new AppError("INVALID_INPUT", `${resolved} is neither a file nor a folder.`);
    return { path: resolved, isFile: info.isFile() };
  }

  private async validateGguf(file: string, family: ModelFamily | undefined): Promise<Validated> {
    if (!file.toLowerCase().endsWith(".gguf")) {
      throw new AppError("UNSUPPORTED", `"${path.basename(file)}" is not a .gguf file. Import a .gguf file, or a folder holding an ONNX model.`);
    }
    if (family !== undefined && family !== "llm") throw new AppError("INVALID_INPUT", "A .gguf file is a language model (family llm).");
    const info = await validateGgufFile(file);
    const base = path.basename(file);
    return {
      sourceRoot: path.dirname(file),
      files: [{ relativePath: base, size: (await stat(file)).size }],
      family: "llm",
      format: "gguf",
      entry: base,
      defaultName: info.metadata.general?.name?.trim() || base.replace(/\.gguf$/i, ""),
    };
  }

  private async validateOnnxFolder(folder: string, family: ModelFamily | undefined): Promise<Validated> {
    const files = await listFolderFiles(folder);
    const onnx = files.filter((file) => file.relativePath.toLowerCase().endsWith(".onnx"));
    if (onnx.length === 0) throw new AppError("UNSUPPORTED", `There is no .onnx file in ${folder}. Import a .gguf file, or a folder holding an ONNX model.`);
    if (onnx.length > 64) throw new AppError("INVALID_INPUT", `${folder} holds ${onnx.length} .onnx files; import one model folder at a time.`);
    const infos = await this.deps.inspectOnnx(onnx.map((file) => path.join(folder, ...file.relativePath.split("/"))));
    const layout = onnx.map((file, index) => ({ relativePath: file.relativePath, info: infos[index] ?? { inputs: [], outputs: [] } }));
    const resolvedFamily = family ?? guessOnnxFamily(files.map((file) => file.relativePath), layout);
    if (!resolvedFamily) {
      throw new AppError("INVALID_INPUT", "The ONNX files open, but Atelier cannot tell what kind of model this is. Choose its family (image, speech, …) and import again.");
    }
    if (resolvedFamily === "llm") throw new AppError("UNSUPPORTED", "Language models run from .gguf files; ONNX language models are not supported.");
    return { sourceRoot: folder, files, family: resolvedFamily, format: "onnx", defaultName: path.basename(folder) };
  }

  /** A free id and its staging folder, created now so two imports never share one. */
  private async reserve(base: string): Promise<{ id: string; staging: string }> {
    const taken = new Set((await this.deps.models.list()).map((model) => model.id));
    for (let n = 1; n < 1000; n++) {
      const id = n === 1 ? base : `${base.slice(0, 120)}-${n}`;
      if (taken.has(id)) continue;
      const staging = path.join(this.deps.models.modelsDir, `${id}.importing`);
      const final = await stat(path.join(this.deps.models.modelsDir, id)).catch(() => undefined);
      if (final) continue;
      try {
        await mkdir(staging);
        return { id, staging };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
    }
    throw new AppError("INTERNAL", `No free model id for "${base}".`);
  }

  private manifest(id: string, name: string, validated: Validated, mode: ImportRequest["mode"]): ModelManifest {
    const parsed = modelManifestSchema.safeParse({
      version: 1,
      id,
      name,
      family: validated.family,
      format: validated.format,
      ...(validated.entry ? { entry: validated.entry } : {}),
      files: validated.files.map((file) => ({ path: file.relativePath, size: file.size })),
      ...(mode === "link" ? { root: validated.sourceRoot } : {}),
      imported: mode,
      installedAt: Date.now(),
    });
    if (!parsed.success) throw new AppError("INVALID_INPUT", `This model cannot be registered: ${parsed.error.issues[0]?.message ?? "invalid file names"}.`);
    return parsed.data;
  }
}
