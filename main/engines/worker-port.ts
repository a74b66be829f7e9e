/**
 * The channel between a worker and its host, whichever way the worker was started:
 * Electron's `utilityProcess` gives the child `process.parentPort`, Node's
 * `child_process.fork` gives it `process.send` and `process.on("message")`.
 */

/** The part of Electron's `process.parentPort` a worker uses (typed here so main/ never imports electron). */
interface ParentPort {
  postMessage(message: unknown): void;
  on(event: "message", listener: (messageEvent: { data: unknown }) => void): void;
}

export interface WorkerPort {
  post(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Called when the host is gone, so the worker does not outlive it. */
  onHostGone(listener: () => void): void;
}

function electronParentPort(): ParentPort | undefined {
  const candidate: unknown = Reflect.get(process, "parentPort");
  if (typeof candidate !== "object" || candidate === null) return undefined;
  return "postMessage" in candidate && "on" in candidate ? (candidate as ParentPort) : undefined;
}

export function openWorkerPort(): WorkerPort {
  const parentPort = electronParentPort();
  if (parentPort) {
    return {
      post: (message) => parentPort.postMessage(message),
      onMessage: (listener) => parentPort.on("message", (event) => listener(event.data)),
      // Electron ends a utility process together with its parent.
      onHostGone: () => {},
    };
  }
  const send = process.send?.bind(process);
  if (!send) throw new Error("This engine worker must be started by Atelier (no parent channel found).");
  return {
    post: (message) => {
      if (process.connected) send(message);
    },
    onMessage: (listener) => process.on("message", listener),
    onHostGone: (listener) => process.on("disconnect", listener),
  };
}
