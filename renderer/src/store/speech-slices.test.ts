import { describe, expect, it } from "vitest";
import type { AudioItem, Transcript } from "../../../shared/speech";
import { hostConnections } from "../test-support/host-connections";
import { createAppStore } from "./app-state";
import { bindHostEvents } from "./host-events";
import { latestTranscript } from "./transcripts-slice";

function clip(id: string, createdAt: number, kind: AudioItem["kind"] = "upload"): AudioItem {
  return { id, name: `Clip ${id}`, kind, file: `${id}.wav`, mimeType: "audio/wav", durationSeconds: 2, sampleRate: 16_000, createdAt };
}

function transcript(id: string, audioId: string, createdAt: number, updatedAt = createdAt): Transcript {
  const segments = [{ id: 0, start: 0.3, end: 2, text: "hello" }];
  return { id, audioId, modelId: "whisper-tiny.en", language: "en", task: "transcribe", segments, speech: [{ start: 0.3, end: 2 }], createdAt, updatedAt };
}

const connect = hostConnections();

describe("audio slice", () => {
  it("keeps clips newest first and forgets the selection and regions of a deleted clip", () => {
    const store = createAppStore();
    const state = store.getState;
    state().setAudioItems([clip("a", 1), clip("b", 3)]);
    state().putAudioItem(clip("c", 2));
    expect(state().audioItems.map((item) => item.id)).toEqual(["b", "c", "a"]);
    state().selectAudio("c");
    state().setSpeechRegions("c", [{ start: 0.3, end: 1 }]);
    state().removeAudioItem("c");
    expect(state().selectedAudioId).toBeNull();
    expect(state().speechRegions.c).toBeUndefined();
    state().selectAudio("a");
    state().setAudioItems([clip("b", 3)]);
    expect(state().selectedAudioId).toBeNull();
  });
});

describe("transcripts slice", () => {
  it("shows a clip's newest transcript and never lets an older copy replace a newer one", () => {
    const store = createAppStore();
    const state = store.getState;
    state().setClipTranscripts("a", [transcript("t1", "a", 1), transcript("t2", "a", 5)]);
    state().putTranscript(transcript("t3", "b", 9));
    expect(latestTranscript(state().transcripts, "a")?.id).toBe("t2");
    expect(latestTranscript(state().transcripts, "none")).toBeNull();
    state().putTranscript({ ...transcript("t2", "a", 5, 10), segments: [] });
    state().putTranscript(transcript("t2", "a", 5, 7));
    expect(state().transcripts.t2?.segments).toEqual([]);
    state().setClipTranscripts("a", []);
    expect(Object.keys(state().transcripts)).toEqual(["t3"]);
  });
});

describe("speech host events", () => {
  it("turn audio, transcript and sentence events into store changes", async () => {
    const { host, api } = await connect({ "jobs.list": () => [] });
    const store = createAppStore();
    const unbind = bindHostEvents(api, store);
    await api.jobs.list({});

    host.emit("audio.changed", { item: clip("a", 1) });
    host.emit("audio.changed", { item: clip("b", 2, "speech") });
    host.emit("transcript.updated", transcript("t1", "a", 1));
    const sentence = (index: number) => ({ jobId: "j1", index, total: 2, text: `Sentence ${index}.`, dataUrl: "data:audio/wav;base64,AAAA" });
    host.emit("speech.chunk", sentence(1));
    host.emit("speech.chunk", sentence(0));
    host.emit("speech.chunk", sentence(1));
    host.emit("audio.changed", { deletedId: "a" });

    await expect.poll(() => store.getState().audioItems.map((item) => item.id)).toEqual(["b"]);
    expect(store.getState().transcripts.t1?.segments[0]?.text).toBe("hello");
    expect(store.getState().speechChunks.j1?.map((chunk) => chunk.index)).toEqual([1, 0]);
    store.getState().clearSpeechChunks("j1");
    expect(store.getState().speechChunks.j1).toBeUndefined();
    for (const jobId of ["a", "b", "c", "d"]) store.getState().putSpeechChunk({ ...sentence(0), jobId });
    expect(Object.keys(store.getState().speechChunks)).toEqual(["b", "c", "d"]);
    unbind();
  });
});
