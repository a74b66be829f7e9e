import { AppError } from "../../shared/errors";

/** What a WAV header says about its audio. */
export interface WavInfo {
  sampleRate: number;
  channels: number;
  durationSeconds: number;
  /** 1 = integer PCM, 3 = IEEE float (WAVE_FORMAT_EXTENSIBLE resolved to its sub-format). */
  format: number;
  bitsPerSample: number;
}

interface WavLayout extends WavInfo {
  dataOffset: number;
  dataBytes: number;
}

const PCM = 1;
const IEEE_FLOAT = 3;
const EXTENSIBLE = 0xfffe;

const notWav = (reason: string): AppError => new AppError("INVALID_INPUT", `This is not a readable WAV file: ${reason}.`);

function parseWav(buf: Buffer): WavLayout {
  if (buf.length < 12 || buf.toString("ascii", 0, 4) !== "RIFF" || buf.toString("ascii", 8, 12) !== "WAVE") {
    throw notWav("no RIFF/WAVE header");
  }
  let offset = 12;
  let fmt: Omit<WavInfo, "durationSeconds"> | undefined;
  while (offset + 8 <= buf.length) {
    const id = buf.toString("ascii", offset, offset + 4);
    const size = buf.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === "fmt ") {
      if (size < 16 || body + 16 > buf.length) throw notWav("its format chunk is too short");
      const tag = buf.readUInt16LE(body);
      // WAVE_FORMAT_EXTENSIBLE keeps the real format in the first two bytes of its sub-format GUID.
      const format = tag === EXTENSIBLE && size >= 40 && body + 26 <= buf.length ? buf.readUInt16LE(body + 24) : tag;
      fmt = { format, channels: buf.readUInt16LE(body + 2), sampleRate: buf.readUInt32LE(body + 4), bitsPerSample: buf.readUInt16LE(body + 14) };
    } else if (id === "data") {
      if (!fmt) throw notWav("the data chunk comes before the format chunk");
      if (fmt.channels < 1 || fmt.sampleRate < 1 || fmt.bitsPerSample < 8) throw notWav("its format chunk is invalid");
      // Streamed WAVs may carry a placeholder size: the data then runs to the end of the file.
      const dataBytes = Math.min(size, buf.length - body);
      const frameBytes = (fmt.bitsPerSample / 8) * fmt.channels;
      return { ...fmt, dataOffset: body, dataBytes, durationSeconds: Math.floor(dataBytes / frameBytes) / fmt.sampleRate };
    }
    offset = body + size + (size % 2);
  }
  throw notWav(fmt ? "it has no data chunk" : "it has no format chunk");
}

export function readWavInfo(buf: Buffer): WavInfo {
  const { sampleRate, channels, durationSeconds, format, bitsPerSample } = parseWav(buf);
  return { sampleRate, channels, durationSeconds, format, bitsPerSample };
}

/**
 * Decodes 16-bit integer or 32-bit float PCM and mixes it down to mono. Undefined for any
 * other encoding (8/24/32-bit integer, A-law, ADPCM…), which ffmpeg handles instead.
 */
export function decodeWavMono(buf: Buffer): { samples: Float32Array; sampleRate: number; channels: number } | undefined {
  const wav = parseWav(buf);
  const pcm16 = wav.format === PCM && wav.bitsPerSample === 16;
  const float32 = wav.format === IEEE_FLOAT && wav.bitsPerSample === 32;
  if (!pcm16 && !float32) return undefined;
  const bytes = wav.bitsPerSample / 8;
  const frames = Math.floor(wav.dataBytes / (bytes * wav.channels));
  const samples = new Float32Array(frames);
  const scale = 1 / wav.channels;
  for (let frame = 0; frame < frames; frame++) {
    let sum = 0;
    for (let channel = 0; channel < wav.channels; channel++) {
      const at = wav.dataOffset + (frame * wav.channels + channel) * bytes;
      sum += pcm16 ? buf.readInt16LE(at) / 32768 : buf.readFloatLE(at);
    }
    samples[frame] = sum * scale;
  }
  return { samples, sampleRate: wav.sampleRate, channels: wav.channels };
}

/** A mono 16-bit PCM WAV; samples are clamped to [-1, 1]. */
export function encodeWav(samples: Float32Array, sampleRate: number): Buffer {
  const dataBytes = samples.length * 2;
  const out = Buffer.alloc(44 + dataBytes);
  out.write("RIFF", 0, "ascii");
  out.writeUInt32LE(36 + dataBytes, 4);
  out.write("WAVE", 8, "ascii");
  out.write("fmt ", 12, "ascii");
  out.writeUInt32LE(16, 16);
  out.writeUInt16LE(PCM, 20);
  out.writeUInt16LE(1, 22);
  out.writeUInt32LE(sampleRate, 24);
  out.writeUInt32LE(sampleRate * 2, 28);
  out.writeUInt16LE(2, 32);
  out.writeUInt16LE(16, 34);
  out.write("data", 36, "ascii");
  out.writeUInt32LE(dataBytes, 40);
  for (let i = 0; i < samples.length; i++) {
    const value = Math.max(-1, Math.min(1, samples[i] ?? 0));
    out.writeInt16LE(Math.round(value < 0 ? value * 32768 : value * 32767), 44 + i * 2);
  }
  return out;
}
