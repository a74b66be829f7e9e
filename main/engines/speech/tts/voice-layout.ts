import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { AppError } from "../../../../shared/errors";

/** Where a TTS model's files are: a Piper voice (model + config) or a Kokoro folder. */
export type VoiceLayout =
  | { kind: "piper"; onnx: string; json: string }
  | { kind: "kokoro"; onnx: string; voicesDir: string; folder: string };

/** Kokoro exports in order of preference on CPU: full precision first, then the 8-bit ones. */
const KOKORO_MODEL_ORDER = ["model.onnx", "model_quantized.onnx", "model_uint8.onnx", "model_q8f16.onnx", "model_fp16.onnx"];
/** Repo layouts nest voices (piper-voices: en/en_US/lessac/medium/…): look this deep. */
const MAX_DEPTH = 5;

async function isFile(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined))?.isFile() ?? false;
}

async function entries(dir: string): Promise<{ name: string; dir: boolean }[]> {
  const found = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return found
    .filter((entry) => !entry.name.startsWith("."))
    .map((entry) => ({ name: entry.name, dir: entry.isDirectory() }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The first `<voice>.onnx.json` (with its `<voice>.onnx`) under `dir`, breadth first. */
async function findPiper(dir: string): Promise<VoiceLayout | undefined> {
  let level = [dir];
  for (let depth = 0; depth <= MAX_DEPTH && level.length > 0; depth++) {
    const next: string[] = [];
    for (const folder of level) {
      for (const entry of await entries(folder)) {
        const full = path.join(folder, entry.name);
        if (entry.dir) next.push(full);
        else if (entry.name.endsWith(".onnx.json") && (await isFile(full.slice(0, -".json".length)))) {
          return { kind: "piper", onnx: full.slice(0, -".json".length), json: full };
        }
      }
    }
    level = next;
  }
  return undefined;
}

async function findKokoro(dir: string): Promise<VoiceLayout | undefined> {
  const voicesDir = path.join(dir, "voices");
  if (!(await entries(voicesDir)).some((entry) => entry.name.endsWith(".bin"))) return undefined;
  const candidates = [
    ...KOKORO_MODEL_ORDER.map((name) => path.join(dir, "onnx", name)),
    ...(await entries(path.join(dir, "onnx"))).filter((e) => e.name.endsWith(".onnx")).map((e) => path.join(dir, "onnx", e.name)),
    ...(await entries(dir)).filter((e) => e.name.endsWith(".onnx")).map((e) => path.join(dir, e.name)),
  ];
  for (const onnx of candidates) if (await isFile(onnx)) return { kind: "kokoro", onnx, voicesDir, folder: dir };
  return undefined;
}

/**
 * Finds the voice in an installed TTS model: `modelPath` is a Piper `.onnx` file, or a folder
 * holding a Piper voice (at any repo depth) or a Kokoro export (onnx/model*.onnx + voices/*.bin).
 */
export async function findVoiceLayout(modelPath: string): Promise<VoiceLayout> {
  const info = await stat(modelPath).catch(() => undefined);
  if (info?.isFile() && modelPath.endsWith(".onnx") && (await isFile(`${modelPath}.json`))) {
    return { kind: "piper", onnx: modelPath, json: `${modelPath}.json` };
  }
  if (info?.isDirectory()) {
    const layout = (await findKokoro(modelPath)) ?? (await findPiper(modelPath));
    if (layout) return layout;
  }
  throw new AppError(
    "MODEL_INCOMPATIBLE",
    `${path.basename(modelPath)} is not a voice: expected a Piper <voice>.onnx with its .onnx.json, or a Kokoro folder (onnx/model.onnx and voices/*.bin).`,
  );
}

/** Kokoro's voice names (the `voices/*.bin` files), sorted. */
export async function kokoroVoiceNames(voicesDir: string): Promise<string[]> {
  return (await entries(voicesDir)).filter((entry) => !entry.dir && entry.name.endsWith(".bin")).map((entry) => entry.name.slice(0, -4));
}
