import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { applyTimestampRules, argmax } from "./timestamp-rules";
import { WhisperTokenizer } from "./tokenizer";
import { loadWhisperSpec, type WhisperSpec } from "./whisper-config";

let spec: WhisperSpec;
const TB = 50363;
const ts = (seconds: number): number => TB + Math.round(seconds / 0.02);

beforeAll(async () => {
  const dir = path.resolve("../shared/models/stt/whisper-tiny.en");
  spec = await loadWhisperSpec(dir, await WhisperTokenizer.load(dir));
});

function pick(generated: number[], scores: Record<number, number>): number {
  const logits = new Float32Array(51864).fill(-10);
  for (const [token, score] of Object.entries(scores)) logits[Number(token)] = score;
  applyTimestampRules(logits, generated, spec);
  return argmax(logits);
}

describe("Whisper timestamp rules", () => {
  it("starts with a timestamp no later than max_initial_timestamp_index", () => {
    expect(pick([], { 843: 10, [ts(5)]: 9, [ts(0.02)]: 1 })).toBe(ts(0.02));
  });

  it("suppresses suppress_tokens, begin_suppress_tokens and non-timestamp specials, never end-of-text", () => {
    expect(pick([ts(0), ts(0)], { 1: 30, 50257: 30, 50362: 30, 50300: 30, 843: 10 })).toBe(843);
    expect(pick([ts(0), 843], { 50256: 10, 843: 9 })).toBe(50256);
  });

  it("pairs timestamps: after a lone one only a timestamp (not earlier) or end-of-text; after a pair only text", () => {
    expect(pick([ts(0), 843, ts(2)], { 523: 20, [ts(1)]: 15, [ts(2)]: 5 })).toBe(ts(2));
    expect(pick([ts(0), 843, ts(2)], { 523: 20, 50256: 3 })).toBe(50256);
    expect(pick([ts(0), 843, ts(2), ts(2)], { [ts(3)]: 20, 523: 1 })).toBe(523);
  });

  it("moves time forward: after text no timestamp at or before the last one", () => {
    expect(pick([ts(0), 843, ts(2), ts(2), 523], { [ts(2)]: 20, [ts(1)]: 19, [ts(2.5)]: 3 })).toBe(ts(2.5));
  });

  it("forces a timestamp when all timestamps together outweigh the best text token", () => {
    const many: Record<number, number> = { 843: 5 };
    for (let i = 0; i < 300; i++) many[ts(4) + i] = 4;
    expect(pick([ts(0), 523], many)).toBe(ts(4));
    expect(pick([ts(0), 523], { 843: 5, [ts(4)]: 4 })).toBe(843);
  });
});
