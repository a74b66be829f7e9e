import { useCallback, useState } from "react";
import { useAction } from "../../components/use-action";
import { useApi, useAppStore } from "../../store/context";
import { parseImageForm, type ImageFormErrors } from "./image-form";

/** Checks the form and queues its images; each press queues more, so several jobs can wait at once. */
export function useGenerate() {
  const api = useApi();
  const store = useAppStore();
  const { run, pending, error } = useAction();
  const [errors, setErrors] = useState<ImageFormErrors>({});
  const [queued, setQueued] = useState<string | null>(null);

  const generate = useCallback(() => {
    const { imageForm, initImage, mask, putJob, setImageNotice } = store.getState();
    setImageNotice(null);
    const parsed = parseImageForm(imageForm, { initImage: initImage?.dataUrl ?? null, mask });
    setQueued(null);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    void run(async () => {
      const { jobIds } = await api.image.generate(parsed.request);
      const count = jobIds.length;
      setQueued(`Queued ${count} image${count === 1 ? "" : "s"}.`);
      // Jobs also arrive by event; asking keeps the list right if an event was missed.
      const jobs = await api.jobs.list({});
      for (const job of jobs) if (jobIds.includes(job.id)) putJob(job);
    });
  }, [api, store, run]);

  return { generate, pending, errors, hostError: error, queued };
}
