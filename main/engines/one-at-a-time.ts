/**
 * A runner that starts each task only after the previous one settled, for engine methods that
 * share one session or context: a cancelled task must finish unwinding before the next starts.
 */
export function createOneAtATime(): <T>(task: () => Promise<T>) => Promise<T> {
  let queue: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  };
}
