import { describe, expect, it } from "vitest";
import type { Job } from "../../../../shared/jobs";
import { progressText } from "./speech-jobs";

function job(status: Job["status"], progress: Job["progress"]): Job {
  return { id: "j", kind: "speech.transcribe", engine: "speech", title: "Transcribe", status, progress, createdAt: 1 };
}

describe("speech job progress", () => {
  it("names the window or sentence being worked on", () => {
    expect(progressText(job("running", { fraction: 0.02, step: 0, total: 3 }), "Window")).toBe("Window 1 of 3");
    expect(progressText(job("running", { fraction: 0.4, step: 1, total: 3 }), "Window")).toBe("Window 2 of 3");
    expect(progressText(job("running", { fraction: 0.99, step: 3, total: 3 }), "Sentence")).toBe("Sentence 3 of 3");
    expect(progressText(job("succeeded", { fraction: 1, step: 3, total: 3 }), "Sentence")).toBe("Sentence 3 of 3");
  });

  it("says what happens before counting starts", () => {
    expect(progressText(job("queued", { fraction: 0 }), "Window")).toBe("Waiting for the speech engine");
    expect(progressText(job("running", { fraction: 0, message: "Finding speech" }), "Window")).toBe("Finding speech");
  });
});
