import { AppError } from "../../shared/errors";

/** One call waiting for its worker's answer. */
export interface PendingCall {
  readonly id: number;
  readonly generation: number;
  readonly onEvent: ((event: unknown) => void) | undefined;
  /** Set once the caller aborted; any answer then ends the call as CANCELLED. */
  cancelled: boolean;
  resolve(output: unknown): void;
  reject(error: AppError): void;
}

/** The calls in flight, by call id; settling a call removes it, so it settles once. */
export class PendingCalls {
  private readonly calls = new Map<number, PendingCall>();

  add(call: PendingCall): void {
    this.calls.set(call.id, call);
  }

  /** The call `id` if it belongs to `generation`: answers from another process are not its answers. */
  get(id: number, generation: number): PendingCall | undefined {
    const call = this.calls.get(id);
    return call && call.generation === generation ? call : undefined;
  }

  resolve(call: PendingCall, output: unknown): void {
    if (this.calls.delete(call.id)) call.resolve(output);
  }

  reject(call: PendingCall, error: AppError): void {
    if (this.calls.delete(call.id)) call.reject(error);
  }

  /** Rejects every call of one process generation, e.g. when that process died. */
  rejectGeneration(generation: number, errorFor: (call: PendingCall) => AppError): void {
    for (const call of [...this.calls.values()]) {
      if (call.generation === generation) this.reject(call, errorFor(call));
    }
  }
}
