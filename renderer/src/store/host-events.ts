import type { ApiClient } from "../../../shared/api";
import type { Unsubscribe } from "../../../shared/contract";
import type { AppStore } from "./app-state";

/** The one place host events turn into store actions. */
export function bindHostEvents(api: Pick<ApiClient, "on">, store: AppStore): Unsubscribe {
  const state = store.getState;
  const unsubscribers = [
    api.on("job.updated", (job) => state().putJob(job)),
    api.on("chat.delta", ({ messageId, jobId, text }) => state().appendDelta(messageId, jobId, text)),
    api.on("chat.updated", ({ conversation }) => state().putConversation(conversation)),
    api.on("chat.deleted", ({ id }) => state().removeConversation(id)),
    api.on("models.changed", ({ models }) => state().setModels(models)),
    api.on("engines.changed", ({ engines }) => state().setEngines(engines)),
    api.on("settings.changed", (settings) => state().setSettings(settings)),
    api.on("download.updated", (download) => state().putDownload(download)),
    api.on("library.changed", ({ item, deletedId }) => {
      if (item) state().putGalleryItem(item);
      if (deletedId) state().removeGalleryItem(deletedId);
    }),
    api.on("audio.changed", ({ item, deletedId }) => {
      if (item) state().putAudioItem(item);
      if (deletedId) state().removeAudioItem(deletedId);
    }),
    api.on("clip.changed", ({ item, deletedId }) => {
      if (item) state().putClip(item);
      if (deletedId) state().removeClip(deletedId);
    }),
    api.on("transcript.updated", (transcript) => state().putTranscript(transcript)),
    api.on("speech.chunk", (chunk) => state().putSpeechChunk(chunk)),
  ];
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}
