import path from "node:path";
import { expect, type Locator, type Page } from "@playwright/test";
import { REPO_ROOT } from "./data-dir";
import type { ExtraModel } from "./installed-models";

export const FIXTURES = path.join(REPO_ROOT, ".fixtures");
export const JFK_WAV = path.resolve(REPO_ROOT, "../shared/models/audio/jfk.wav");

/** The real Silero VAD and the generated tiny Whisper (real tiny.en tokenizer), installed as downloads leave them. */
export const SPEECH_TO_TEXT_MODELS: ExtraModel[] = [
  { id: "silero-vad", name: "Silero VAD", family: "vad", format: "onnx", source: path.resolve(REPO_ROOT, "../shared/models/vad/silero_vad.onnx") },
  { id: "whisper-tiny.en", name: "Tiny Whisper (English)", family: "stt", format: "onnx", source: path.join(FIXTURES, "whisper", "tiny-en") },
];

/** The generated single-speaker Piper voice (real en-us phoneme map). */
export const PIPER_VOICE: ExtraModel = { id: "piper-tiny", name: "Tiny Piper voice", family: "tts", format: "onnx", source: path.join(FIXTURES, "tts", "piper-tiny") };

export async function openSpeechTab(page: Page, tab: "Transcribe" | "Speak"): Promise<Locator> {
  await page.getByRole("navigation", { name: "Sections" }).getByRole("button", { name: "Speech" }).click();
  await page.getByRole("tablist", { name: "Speech tools" }).getByRole("tab", { name: tab }).click();
  return page.getByRole("tabpanel", { name: tab });
}

/**
 * Polls a progress bar until it reads 100% and returns every value seen on the way,
 * so a test can tell that progress was shown before the end.
 */
export async function watchProgress(progress: Locator, timeout: number): Promise<number[]> {
  const seen: number[] = [];
  await expect
    .poll(
      async () => {
        const value = Number(await progress.getAttribute("aria-valuenow"));
        if (seen.at(-1) !== value) seen.push(value);
        return value;
      },
      { timeout, intervals: [10] },
    )
    .toBe(100);
  return seen;
}

