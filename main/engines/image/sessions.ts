import { InferenceSession, type Tensor } from "onnxruntime-node";
import { AppError } from "../../../shared/errors";
import { PROVIDER_LABEL, type OrtProvider } from "./providers";

/** One input or output as the model declares it: element type and dims (numbers, or names for dynamic axes). */
export interface TensorInfo {
  name: string;
  type: Tensor.Type;
  shape: readonly (number | string)[];
}

/** Time spent inside `session.run`, summed, so the pipeline's own overhead can be measured. */
export class RunClock {
  ms = 0;
  runs = 0;
}

/** An InferenceSession with its declared inputs and outputs, and errors that say which model part failed. */
export class OnnxSession {
  readonly inputs: ReadonlyMap<string, TensorInfo>;
  readonly outputs: ReadonlyMap<string, TensorInfo>;

  private constructor(
    private readonly session: InferenceSession,
    /** What this session is, for messages: "the UNet of “sd-15”". */
    readonly label: string,
    private readonly clock: RunClock,
  ) {
    this.inputs = describe(session.inputMetadata);
    this.outputs = describe(session.outputMetadata);
  }

  static async open(file: string, provider: OrtProvider, label: string, clock: RunClock): Promise<OnnxSession> {
    let session: InferenceSession;
    try {
      session = await InferenceSession.create(file, sessionOptions(provider));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const where = provider === "cpu" ? "" : ` on ${PROVIDER_LABEL[provider]} (Atelier does not fall back to the CPU on its own; choose CPU in Settings → Image to use it)`;
      throw new AppError("MODEL_LOAD_FAILED", `${capitalize(label)} could not be loaded${where}: ${reason}`, { file });
    }
    return new OnnxSession(session, label, clock);
  }

  input(name: string): TensorInfo | undefined {
    return this.inputs.get(name);
  }

  /** The declared input, or MODEL_INCOMPATIBLE naming what the model has instead. */
  requireInput(name: string): TensorInfo {
    const info = this.inputs.get(name);
    if (!info) throw this.incompatible(`has no input "${name}" (it has: ${[...this.inputs.keys()].join(", ")})`);
    return info;
  }

  requireOutput(name: string): TensorInfo {
    const info = this.outputs.get(name);
    if (!info) throw this.incompatible(`has no output "${name}" (it has: ${[...this.outputs.keys()].join(", ")})`);
    return info;
  }

  incompatible(problem: string): AppError {
    return new AppError("MODEL_INCOMPATIBLE", `${capitalize(this.label)} ${problem}.`);
  }

  async run(feeds: Record<string, Tensor>, fetch: readonly string[]): Promise<Record<string, Tensor>> {
    const started = performance.now();
    try {
      const result = await this.session.run(feeds, [...fetch]);
      this.clock.ms += performance.now() - started;
      this.clock.runs++;
      return result;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (/out of memory|bad_alloc|failed to allocate/i.test(reason)) {
        throw new AppError("OUT_OF_MEMORY", `${capitalize(this.label)} ran out of memory: ${reason}. Try a smaller size.`);
      }
      throw new AppError("MODEL_INCOMPATIBLE", `${capitalize(this.label)} failed to run: ${reason}`);
    }
  }

  release(): Promise<void> {
    return this.session.release();
  }
}

/** DirectML cannot run with memory patterns or parallel execution (onnxruntime's DML provider docs). */
function sessionOptions(provider: OrtProvider): InferenceSession.SessionOptions {
  const base: InferenceSession.SessionOptions = { executionProviders: [provider], graphOptimizationLevel: "all" };
  return provider === "dml" ? { ...base, enableMemPattern: false, executionMode: "sequential" } : base;
}

function describe(metadata: readonly InferenceSession.ValueMetadata[]): Map<string, TensorInfo> {
  const map = new Map<string, TensorInfo>();
  for (const value of metadata) {
    if (value.isTensor) map.set(value.name, { name: value.name, type: value.type, shape: value.shape });
  }
  return map;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A dimension the model fixes, or undefined for a dynamic one. */
export function fixedDim(info: TensorInfo, axis: number): number | undefined {
  const dim = info.shape[axis];
  return typeof dim === "number" && dim > 0 ? dim : undefined;
}
