import { describe, expect, it } from "vitest";
import { microphoneErrorMessage } from "./microphone-errors";

describe("microphoneErrorMessage", () => {
  it("tells a denied permission apart from a missing or busy microphone", () => {
    expect(microphoneErrorMessage(new DOMException("Permission denied", "NotAllowedError"))).toMatch(/permission was denied.*Allow microphone access/);
    expect(microphoneErrorMessage(new DOMException("", "SecurityError"))).toMatch(/permission was denied/);
    expect(microphoneErrorMessage(new DOMException("", "NotFoundError"))).toBe("No microphone was found. Connect one and press Record again.");
    expect(microphoneErrorMessage(new DOMException("", "NotReadableError"))).toMatch(/in use by another app/);
    expect(microphoneErrorMessage(new Error("boom"))).toBe("Recording could not start: boom");
  });
});
