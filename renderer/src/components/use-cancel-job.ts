import { useState } from "react";
import { useApi, useApp } from "../store/context";

type Run = (action: () => Promise<void>) => Promise<boolean>;

/**
 * Cancels jobs through the caller's `run` (from useAction), so a failure shows where the caller
 * shows its errors; `cancellingId` is the job whose cancel is on its way.
 */
export function useCancelJob(run: Run): { cancellingId: string | null; cancel(id: string): void } {
  const api = useApi();
  const putJob = useApp((s) => s.putJob);
  const [cancellingId, setCancellingId] = useState<string | null>(null);
  const cancel = (id: string) => {
    setCancellingId(id);
    void run(async () => putJob(await api.jobs.cancel({ id }))).finally(() => setCancellingId(null));
  };
  return { cancellingId, cancel };
}
