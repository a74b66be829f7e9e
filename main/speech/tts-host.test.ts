import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readWavInfo } from "../audio/wav";
import type { Host } from "../host";
import { errorCodeOf, type EventLog, invoke, openTestHostWith } from "../host-test-kit";
import { installSpeechModels } from "./speech-test-kit";

let host: Host;
let log: EventLog;
let dataDir: string;

beforeAll(async () => {
  ({ host, log, dataDir } = await openTestHostWith(async (dir) => {
    await installSpeechModels(dir, ["en-us-tiny", "kokoro-tiny"]);
  }));
});
afterAll(() => host.dispose());

describe("speech.speak through the router", () => {
  it("lists the voices and speaks into the audio library, streaming a chunk per sentence", async () => {
    const voices = await invoke(host, "speech.voices", {});
    expect(voices.map((voice) => [voice.id, voice.engine, voice.sampleRate])).toEqual(
      expect.arrayContaining([
        ["en-us-tiny", "piper", 22050],
        ["kokoro-tiny", "kokoro", 24000],
      ]),
    );
    const text = "The first sentence plays at once. The second follows.";
    const { jobId } = await invoke(host, "speech.speak", { voiceId: "en-us-tiny", text });
    const job = await log.finalJob(jobId);
    expect(job).toMatchObject({ status: "succeeded", kind: "speech.speak", engine: "speech", progress: { step: 2, total: 2, fraction: 1 } });
    expect(log.of("speech.chunk").filter((chunk) => chunk.jobId === jobId).map((chunk) => chunk.text)).toEqual([
      "The first sentence plays at once.",
      "The second follows.",
    ]);

    const { audioId } = job.result as { audioId: string };
    const added = await log.waitFor("audio.changed", (event) => event.item?.id === audioId);
    expect(added.item).toMatchObject({ kind: "speech", text, voiceId: "en-us-tiny", mimeType: "audio/wav", sampleRate: 22050 });
    expect((await invoke(host, "audio.list", {})).map((item) => item.id)).toContain(audioId);
    const file = path.join(dataDir, "library", "audio", added.item?.file ?? "");
    expect(readWavInfo(await readFile(file))).toMatchObject({ sampleRate: 22050, channels: 1 });
    const { dataUrl } = await invoke(host, "audio.read", { id: audioId });
    expect(Buffer.from(dataUrl.slice(dataUrl.indexOf(",") + 1), "base64").equals(await readFile(file))).toBe(true);
  });

  it("keeps an OGG clip spoken by a Kokoro voice", async () => {
    const { jobId } = await invoke(host, "speech.speak", { voiceId: "kokoro-tiny", text: "Kokoro speaks.", speaker: "am_adam", format: "ogg" });
    const job = await log.finalJob(jobId);
    expect(job.status).toBe("succeeded");
    const item = (await invoke(host, "audio.list", {})).find((listed) => listed.id === (job.result as { audioId: string }).audioId);
    expect(item).toMatchObject({ mimeType: "audio/ogg", sampleRate: 24000, file: expect.stringMatching(/\.ogg$/) });
  });

  it("answers bad requests with clear errors", async () => {
    expect(await errorCodeOf(invoke(host, "speech.speak", { voiceId: "no-such-voice", text: "Hi." }))).toBe("NOT_FOUND");
    expect(await errorCodeOf(invoke(host, "speech.speak", { voiceId: "en-us-tiny", text: "   " }))).toBe("INVALID_INPUT");
    expect(await errorCodeOf(invoke(host, "speech.speak", { voiceId: "kokoro-tiny", text: "Hi.", speaker: "nobody" }))).toBe("INVALID_INPUT");
  });
});
