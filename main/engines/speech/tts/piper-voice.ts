import type { InferenceSession } from "onnxruntime-node";
import { Tensor } from "onnxruntime-node";
import { AppError } from "../../../../shared/errors";
import { phonemizeClauses } from "./espeak-phonemes";
import { openVoiceSession, samplesOf } from "./onnx-session";
import { readPiperConfig, type PiperVoiceConfig } from "./piper-config";
import { piperPhonemeIds, piperPhonemeString } from "./piper-ids";
import type { SpeechSynthesis, SynthesisRequest, VoiceEngine } from "./voice-engine";

/** A loaded Piper voice: VITS ONNX + its `.onnx.json`. */
export class PiperVoice implements VoiceEngine {
  readonly kind = "piper";

  private constructor(
    private readonly session: InferenceSession,
    readonly config: PiperVoiceConfig,
  ) {}

  static async load(onnx: string, json: string): Promise<PiperVoice> {
    const config = await readPiperConfig(json);
    const session = await openVoiceSession(onnx);
    for (const name of ["input", "input_lengths", "scales"]) {
      if (!session.inputNames.includes(name)) {
        await session.release();
        throw new AppError("MODEL_INCOMPATIBLE", `${onnx} is not a Piper voice: it has no "${name}" input.`);
      }
    }
    return new PiperVoice(session, config);
  }

  get sampleRate(): number {
    return this.config.sampleRate;
  }

  /** The phoneme string Piper would feed for `text`. */
  async phonemes(text: string): Promise<string> {
    if (this.config.phonemeType === "text") return text.normalize("NFD");
    return piperPhonemeString(await phonemizeClauses(text, this.config.espeakVoice));
  }

  async synthesize({ text, speed, speaker }: SynthesisRequest, log: (message: string) => void): Promise<SpeechSynthesis> {
    const phonemes = await this.phonemes(text);
    const unknown = new Set<string>();
    const ids = piperPhonemeIds(phonemes, this.config.phonemeIdMap, (symbol) => unknown.add(symbol));
    if (unknown.size > 0) log(`Skipped phonemes the voice does not know: ${[...unknown].map((s) => JSON.stringify(s)).join(", ")}`);
    // Only ^ _ … $ around nothing: no sound to make.
    if (ids.length <= 3) return { samples: new Float32Array(0), sampleRate: this.sampleRate, phonemes, ids };
    const { noiseScale, lengthScale, noiseW } = this.config;
    const feeds: Record<string, Tensor> = {
      input: new Tensor("int64", BigInt64Array.from(ids, BigInt), [1, ids.length]),
      input_lengths: new Tensor("int64", BigInt64Array.of(BigInt(ids.length)), [1]),
      scales: new Tensor("float32", Float32Array.of(noiseScale, lengthScale / speed, noiseW), [3]),
    };
    if (this.session.inputNames.includes("sid")) feeds.sid = new Tensor("int64", BigInt64Array.of(BigInt(this.speakerId(speaker))), [1]);
    const outputName = this.session.outputNames[0] ?? "output";
    const results = await this.session.run(feeds);
    return { samples: samplesOf(results[outputName], outputName), sampleRate: this.sampleRate, phonemes, ids };
  }

  /** A speaker by name (or by number); the first speaker when none is asked for. */
  private speakerId(speaker: string | undefined): number {
    if (speaker === undefined || speaker === "") return 0;
    const byName = Object.hasOwn(this.config.speakerIds, speaker) ? this.config.speakerIds[speaker] : undefined;
    if (byName !== undefined) return byName;
    const byNumber = Number(speaker);
    if (Number.isInteger(byNumber) && byNumber >= 0 && byNumber < this.config.numSpeakers) return byNumber;
    const known = this.config.speakers.length > 0 ? this.config.speakers.join(", ") : "none";
    throw new AppError("INVALID_INPUT", `This voice has no speaker "${speaker}" (speakers: ${known}).`);
  }

  async release(): Promise<void> {
    await this.session.release();
  }
}
