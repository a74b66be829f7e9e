import { TOKEN_PARAM, UPLOAD_PATH } from "../../../shared/wire";

/** The serve-mode upload URL for this page: same host, the session token from the page's own URL (the session cookie also counts). */
export function uploadUrlFor(location: Pick<Location, "search">): string {
  const token = new URLSearchParams(location.search).get(TOKEN_PARAM);
  return token ? `${UPLOAD_PATH}?${TOKEN_PARAM}=${encodeURIComponent(token)}` : UPLOAD_PATH;
}

/**
 * Serve mode: sends `file` to the host's `POST /upload`, past the WebSocket's frame limit;
 * the id that `video.import` / `video.recall` then name. `onProgress` gets the fraction sent.
 */
export function uploadFile(file: Blob, contentType: string, onProgress?: (fraction: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", uploadUrlFor(window.location));
    request.setRequestHeader("Content-Type", contentType);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress?.(event.loaded / event.total);
    };
    request.onload = () => {
      const answer = parseAnswer(request.responseText);
      if (request.status === 200 && typeof answer.uploadId === "string") resolve(answer.uploadId);
      else reject(new Error(answer.error?.message ?? `The upload was refused (HTTP ${request.status}).`));
    };
    request.onerror = () => reject(new Error("The upload was cut off; check that Atelier is still running and try again."));
    request.send(file);
  });
}

interface UploadAnswer {
  uploadId?: unknown;
  error?: { message?: string };
}

function parseAnswer(text: string): UploadAnswer {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === "object" && parsed !== null ? (parsed as UploadAnswer) : {};
  } catch {
    return {};
  }
}
