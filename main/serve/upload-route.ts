import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError } from "../../shared/errors";
import type { Logger } from "../log/types";
import { UploadTooLarge, type UploadStore } from "../uploads/upload-store";
import type { ServedAddresses } from "./origins";
import type { SessionAuth } from "./session-auth";

export interface UploadRouteDeps {
  auth: SessionAuth;
  addresses: ServedAddresses;
  uploads: UploadStore;
  logger: Logger;
  /** An upload that sends nothing for this long is cut off. */
  idleMs: number;
}

/**
 * `POST /upload`: the request's body, whole, becomes an upload the contract can name by id
 * (`video.import {uploadId}`), so files larger than a WebSocket frame reach the host. Guarded as
 * the WebSocket is: the token (query or session cookie) and an Origin this server served.
 */
export function receiveUpload(request: IncomingMessage, response: ServerResponse, url: URL, deps: UploadRouteDeps): void {
  const { auth, addresses, uploads, logger } = deps;
  if (request.method !== "POST") {
    response.setHeader("Allow", "POST");
    return refuse(response, 405, "INVALID_INPUT", "Send the file with POST.");
  }
  if (!auth.queryTokenValid(url) && !auth.cookieValid(request)) {
    return refuse(response, 401, "INVALID_INPUT", "Open the address Atelier printed when it started: it carries the session token.");
  }
  if (!addresses.originAllowed(request.headers.origin)) {
    logger.log("warn", "serve", "Refused an upload from another origin", { origin: request.headers.origin });
    return refuse(response, 403, "INVALID_INPUT", "Uploads are taken only from pages this server served.");
  }
  const declared = Number(request.headers["content-length"] ?? Number.NaN);
  if (Number.isFinite(declared) && declared > uploads.limitBytes) {
    return refuse(response, 413, "INVALID_INPUT", new UploadTooLarge(uploads.limitBytes).message);
  }
  request.setTimeout(deps.idleMs, () => request.destroy());
  const contentType = (request.headers["content-type"] ?? "application/octet-stream").slice(0, 200);
  uploads.receive(request, contentType).then(
    (uploadId) => answer(response, 200, { uploadId }),
    (error: unknown) => {
      if (error instanceof UploadTooLarge) return refuse(response, 413, error.code, error.message);
      if (request.destroyed || request.readableAborted) {
        logger.log("info", "serve", "An upload was aborted; nothing was kept");
        return;
      }
      logger.log("error", "serve", "Could not store an upload", { error });
      const failure = error instanceof AppError ? error : new AppError("INTERNAL", "The upload could not be stored.");
      refuse(response, 500, failure.code, failure.message);
    },
  );
}

function refuse(response: ServerResponse, status: number, code: string, message: string): void {
  // The rest of a refused body is not read: close instead of keeping the connection.
  response.setHeader("Connection", "close");
  answer(response, status, { error: { code, message } });
}

function answer(response: ServerResponse, status: number, body: object): void {
  if (response.headersSent || response.destroyed) return;
  response.statusCode = status;
  response.setHeader("Content-Type", "application/json; charset=utf-8");
  response.setHeader("Cache-Control", "no-store");
  response.end(JSON.stringify(body));
}
