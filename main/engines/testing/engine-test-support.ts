import { existsSync } from "node:fs";
import path from "node:path";
import type { EngineName } from "../../../shared/jobs";
import type { Logger, LogLevel } from "../../log/types";
import { EngineHost, type EngineHostOptions } from "../engine-host";
import type { LlmGenerateInput, LlmLoadOptions, LlmMethods } from "../llm/methods";
import { createNodeLauncher } from "../node-launcher";
import type { MethodMap } from "../protocol";

/** Where `npx electron-vite build` puts the engine workers the tests run. */
export const BUILT_WORKER_DIR = path.resolve("out/main");
export const STORIES_PATH = path.resolve("../shared/models/llm/stories260K.gguf");

export interface LogLine {
  level: LogLevel;
  scope: string;
  message: string;
}

/** A logger that keeps every line, so a failing test can show what the engine said. */
export function memoryLogger(): Logger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  return { lines, log: (level, scope, message) => void lines.push({ level, scope, message }) };
}

/** What a test may tune of an EngineHost on a built worker. */
export type BuiltEngineOptions = Pick<EngineHostOptions, "readyTimeoutMs" | "liveness" | "cancelGraceMs">;

/** An EngineHost on the built worker `engine-<engine>.js`, as the app creates it. */
export function startBuiltEngine<M extends MethodMap>(
  engine: EngineName,
  options: BuiltEngineOptions = {},
): { host: EngineHost<M>; logger: ReturnType<typeof memoryLogger> } {
  const worker = `engine-${engine}.js`;
  if (!existsSync(path.join(BUILT_WORKER_DIR, worker))) {
    throw new Error(`${BUILT_WORKER_DIR}/${worker} is missing: run \`npx electron-vite build\` first.`);
  }
  const logger = memoryLogger();
  const host = new EngineHost<M>({ engine, launcher: createNodeLauncher(BUILT_WORKER_DIR, logger), logger, ...options });
  return { host, logger };
}

export function startLlmHost(options: BuiltEngineOptions = {}): { host: EngineHost<LlmMethods>; logger: ReturnType<typeof memoryLogger> } {
  return startBuiltEngine<LlmMethods>("llm", options);
}

export function storiesLoad(overrides: Partial<LlmLoadOptions> = {}): LlmLoadOptions {
  return { modelId: "stories260k", modelPath: STORIES_PATH, sizeBytes: 1_185_376, gpuLayers: "auto", threads: 1, contextSize: 2048, ...overrides };
}

export function generateInput(load: LlmLoadOptions, userMessage: string, params: Partial<LlmGenerateInput["params"]> = {}): LlmGenerateInput {
  return {
    load,
    systemPrompt: "You are a storyteller.",
    messages: [{ role: "user", content: userMessage }],
    params: { temperature: 0.8, topP: 0.95, topK: 40, maxTokens: 200, seed: 42, ...params },
  };
}

/** Resolves with the first event a call emits. */
export function firstEvent<T>(): { onEvent: (event: T) => void; received: Promise<T> } {
  let resolve: (event: T) => void = () => {};
  const received = new Promise<T>((done) => (resolve = done));
  return { onEvent: (event) => resolve(event), received };
}
