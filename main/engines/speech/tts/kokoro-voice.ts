import { readFile } from "node:fs/promises";
import path from "node:path";
import { Tensor, type InferenceSession } from "onnxruntime-node";
import { AppError } from "../../../../shared/errors";
import { phonemizeClauses } from "./espeak-phonemes";
import { KOKORO_DEFAULT_VOICE, KOKORO_SAMPLE_RATE, kokoroEspeakVoice, kokoroVoiceIsEnglish } from "./kokoro-names";
import { kokoroPhonemeString, kokoroTokenIds, readKokoroVocab, type KokoroVocab } from "./kokoro-tokens";
import { inputType, openVoiceSession, pickInput, samplesOf } from "./onnx-session";
import { kokoroVoiceNames } from "./voice-layout";
import type { SpeechSynthesis, SynthesisRequest, VoiceEngine } from "./voice-engine";

const STYLE_DIM = 256;
const MAX_STYLE_ROW = 509;

/** A loaded Kokoro model: one ONNX graph, many voices (style vectors in voices/*.bin). */
export class KokoroVoice implements VoiceEngine {
  readonly kind = "kokoro";
  readonly sampleRate = KOKORO_SAMPLE_RATE;
  private readonly styles = new Map<string, Float32Array>();

  private constructor(
    private readonly session: InferenceSession,
    private readonly vocab: KokoroVocab,
    private readonly voicesDir: string,
    readonly voices: readonly string[],
  ) {}

  static async load(onnx: string, folder: string, voicesDir: string): Promise<KokoroVoice> {
    const vocab = await readKokoroVocab(folder);
    const voices = await kokoroVoiceNames(voicesDir);
    const session = await openVoiceSession(onnx);
    return new KokoroVoice(session, vocab, voicesDir, voices);
  }

  async synthesize({ text, speed, speaker }: SynthesisRequest, log: (message: string) => void): Promise<SpeechSynthesis> {
    const voice = this.voiceName(speaker);
    const espeakVoice = kokoroEspeakVoice(voice);
    const phonemes = kokoroPhonemeString(await phonemizeClauses(text, espeakVoice), this.vocab);
    const ids = kokoroTokenIds(phonemes, this.vocab, log);
    if (ids.length <= 2) return { samples: new Float32Array(0), sampleRate: this.sampleRate, phonemes, ids };
    const idsName = pickInput(this.session, ["input_ids", "tokens"], "token ids");
    const styleName = pickInput(this.session, ["style", "ref_s"], "style");
    const speedName = pickInput(this.session, ["speed"], "speed");
    const idTensor =
      inputType(this.session, idsName) === "int32"
        ? new Tensor("int32", Int32Array.from(ids), [1, ids.length])
        : new Tensor("int64", BigInt64Array.from(ids, BigInt), [1, ids.length]);
    const speedTensor =
      inputType(this.session, speedName) === "int32"
        ? new Tensor("int32", Int32Array.of(Math.max(1, Math.round(speed))), [1])
        : new Tensor("float32", Float32Array.of(speed), [1]);
    const style = await this.styleFor(voice, ids.length - 2);
    const results = await this.session.run({ [idsName]: idTensor, [styleName]: new Tensor("float32", style, [1, STYLE_DIM]), [speedName]: speedTensor });
    const outputName = this.session.outputNames[0] ?? "waveform";
    return { samples: samplesOf(results[outputName], outputName), sampleRate: this.sampleRate, phonemes, ids };
  }

  private voiceName(speaker: string | undefined): string {
    if (speaker) {
      if (!this.voices.includes(speaker)) throw new AppError("INVALID_INPUT", `Kokoro has no voice "${speaker}" (voices: ${this.voices.join(", ")}).`);
      return speaker;
    }
    const fallback = this.voices.includes(KOKORO_DEFAULT_VOICE) ? KOKORO_DEFAULT_VOICE : this.voices.find(kokoroVoiceIsEnglish);
    if (!fallback) throw new AppError("MODEL_INCOMPATIBLE", "This Kokoro model has no English voice in voices/.");
    return fallback;
  }

  /** The voice's style row for a text of `tokenCount` phonemes (voices/*.bin: float32 [rows, 1, 256]). */
  private async styleFor(voice: string, tokenCount: number): Promise<Float32Array> {
    let table = this.styles.get(voice);
    if (!table) {
      const bytes = await readFile(path.join(this.voicesDir, `${voice}.bin`));
      if (bytes.byteLength === 0 || bytes.byteLength % (STYLE_DIM * 4) !== 0) {
        throw new AppError("MODEL_INCOMPATIBLE", `voices/${voice}.bin is not a Kokoro voice (float32 rows of ${STYLE_DIM}).`);
      }
      table = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
      this.styles.set(voice, table);
    }
    const rows = table.length / STYLE_DIM;
    const row = Math.min(tokenCount, MAX_STYLE_ROW, rows - 1);
    return table.slice(row * STYLE_DIM, (row + 1) * STYLE_DIM);
  }

  async release(): Promise<void> {
    await this.session.release();
  }
}
