/** One piece of text to speak: a sentence, or a part of a very long one. */
export interface SynthesisRequest {
  text: string;
  /** 1 = the voice's own pace; 2 = twice as fast. */
  speed: number;
  /** A Piper speaker name (or number) or a Kokoro voice name; the default when absent. */
  speaker?: string;
}

export interface SpeechSynthesis {
  samples: Float32Array;
  sampleRate: number;
  /** The phonemes spoken, and the ids the model got for them. */
  phonemes: string;
  ids: number[];
}

/** A loaded voice model of either family. */
export interface VoiceEngine {
  readonly kind: "piper" | "kokoro";
  readonly sampleRate: number;
  synthesize(request: SynthesisRequest, log: (message: string) => void): Promise<SpeechSynthesis>;
  release(): Promise<void>;
}
