import { useEffect, useRef, useState } from "react";
import { useApp, useAppStore } from "../../store/context";
import type { SpeechChunk } from "../../store/voices-slice";
import { dataUrlToBlob } from "./audio-file";
import { ChunkQueue } from "./chunk-queue";

export interface ChunkPlayback {
  /** The sentence playing now (1-based) and how many there are; null when nothing plays. */
  playing: { number: number; total: number } | null;
  /** Why a sentence could not play (e.g. the browser's autoplay rule), or null. */
  error: string | null;
  stop(): void;
}

/**
 * Plays a speak job's sentences in order as their `speech.chunk` events arrive, so the first
 * sentence is heard while the rest still render. One audio element plays them back to back.
 */
export function useChunkPlayer(jobId: string | null): ChunkPlayback {
  const store = useAppStore();
  const chunks = useApp((s) => (jobId ? s.speechChunks[jobId] : undefined));
  const [playing, setPlaying] = useState<ChunkPlayback["playing"]>(null);
  const [error, setError] = useState<string | null>(null);
  const queueRef = useRef<ChunkQueue<SpeechChunk>>(new ChunkQueue());
  const audioRef = useRef<HTMLAudioElement | null>(null);
  const busyRef = useRef(false);
  /** Set by Stop (or a refused play): the rest of this job's sentences stay silent. */
  const stoppedRef = useRef(false);

  const stopAudio = () => {
    const audio = audioRef.current;
    audioRef.current = null;
    busyRef.current = false;
    if (!audio) return;
    audio.pause();
    URL.revokeObjectURL(audio.src);
  };

  // A new job starts a new queue; the old job's sentences stop.
  useEffect(() => {
    queueRef.current = new ChunkQueue();
    stoppedRef.current = false;
    setPlaying(null);
    setError(null);
    return () => {
      stopAudio();
      if (jobId) store.getState().clearSpeechChunks(jobId);
    };
  }, [jobId, store]);

  useEffect(() => {
    if (!chunks || !jobId) return;
    const queue = queueRef.current;
    queue.add(chunks);
    const playNext = () => {
      if (stoppedRef.current) return;
      const chunk = queue.take();
      if (!chunk) {
        busyRef.current = false;
        setPlaying(null);
        if (queue.finished) store.getState().clearSpeechChunks(jobId);
        return;
      }
      busyRef.current = true;
      const audio = new Audio(URL.createObjectURL(dataUrlToBlob(chunk.dataUrl)));
      audioRef.current = audio;
      setPlaying({ number: chunk.index + 1, total: chunk.total });
      const next = () => {
        URL.revokeObjectURL(audio.src);
        if (audioRef.current === audio) playNext();
      };
      audio.onended = next;
      audio.onerror = next;
      audio.play().catch((cause: unknown) => {
        setError(`The sentences could not play as they arrived (${cause instanceof Error ? cause.message : String(cause)}). Use Play on the finished clip.`);
        stoppedRef.current = true;
        stopAudio();
        setPlaying(null);
      });
    };
    if (!busyRef.current) playNext();
  }, [chunks, jobId, store]);

  return {
    playing,
    error,
    stop: () => {
      stoppedRef.current = true;
      stopAudio();
      setPlaying(null);
    },
  };
}
