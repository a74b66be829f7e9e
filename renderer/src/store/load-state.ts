import type { ApiClient } from "../../../shared/api";
import { describeError } from "../errors/describe-error";
import type { AppStore } from "./app-state";
import { CLIP_PAGE } from "./clips-slice";
import { GALLERY_PAGE } from "./gallery-slice";

/** Fetches everything the panels show; run at start and after every reconnect, since events may have been missed. */
export async function loadState(api: ApiClient, store: AppStore): Promise<void> {
  const state = store.getState();
  const results = await Promise.allSettled([
    api.app.info({}).then(state.setAppInfo),
    api.settings.get({}).then(state.setSettings),
    api.models.list({}).then(state.setModels),
    api.engines.status({}).then(state.setEngines),
    api.catalog.list({}).then(state.setCatalog),
    api.hardware.info({}).then(state.setHardware),
    api.downloads.list({}).then(state.setDownloads),
    api.library.list({ offset: 0, limit: GALLERY_PAGE }).then(({ items, total }) => state.putGalleryPage(items, total, 0)),
    api.video.list({ offset: 0, limit: CLIP_PAGE }).then(({ items, total }) => state.putClipPage(items, total, 0)),
    api.video.models({}).then(({ models }) => state.setVideoModels(models)),
    api.jobs.list({}).then(state.setJobs),
    api.audio.list({}).then(state.setAudioItems),
    api.speech.voices({}).then(state.setVoices),
    api.chat.list({}).then(state.setSummaries),
    reloadActiveConversation(api, store),
  ]);
  const failure = results.find((result) => result.status === "rejected");
  state.setAppError(failure ? `Atelier could not load everything: ${describeError(failure.reason)}` : null);
}

async function reloadActiveConversation(api: ApiClient, store: AppStore): Promise<void> {
  const id = store.getState().activeConversationId;
  if (id) store.getState().putConversation(await api.chat.get({ id }));
}
