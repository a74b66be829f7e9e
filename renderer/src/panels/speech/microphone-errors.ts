/** Why the microphone could not be used, in words a person can act on. */
export function microphoneErrorMessage(error: unknown): string {
  const name = error instanceof DOMException ? error.name : "";
  if (name === "NotAllowedError" || name === "SecurityError") {
    return "Atelier may not use the microphone: permission was denied. Allow microphone access for this app in your browser or system settings, then press Record again.";
  }
  if (name === "NotFoundError" || name === "OverconstrainedError") return "No microphone was found. Connect one and press Record again.";
  if (name === "NotReadableError") return "The microphone is in use by another app or could not be opened.";
  return `Recording could not start: ${error instanceof Error ? error.message : String(error)}`;
}
