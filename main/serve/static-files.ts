import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { isInside } from "../fs/inside";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
  ".wav": "audio/wav",
  ".mp3": "audio/mpeg",
  ".mp4": "video/mp4",
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
}

/**
 * Serves the built renderer: files inside `root` only, and `index.html` for any other
 * path without an extension (the app's own routes).
 */
export async function serveStatic(root: string, url: URL, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method !== "GET" && request.method !== "HEAD") {
    response.setHeader("Allow", "GET, HEAD");
    return end(response, 405, "Method not allowed");
  }
  let relative: string;
  try {
    relative = decodeURIComponent(url.pathname);
  } catch {
    return end(response, 400, "Bad path");
  }
  const file = path.resolve(root, `.${path.posix.normalize(`/${relative}`)}`);
  if (relative.includes("\0") || relative.includes("\\") || !isInside(root, file) || hasDotDot(relative)) {
    return end(response, 403, "Forbidden");
  }
  const found = await fileAt(file);
  if (found) return send(found, request, response);
  if (path.extname(relative) !== "") return end(response, 404, "Not found");
  const index = await fileAt(path.join(root, "index.html"));
  return index ? send(index, request, response) : end(response, 404, "The renderer is not built (run `npx electron-vite build`).");
}

function hasDotDot(relative: string): boolean {
  return relative.split("/").includes("..");
}

async function fileAt(file: string): Promise<{ file: string; size: number } | undefined> {
  const info = await stat(file).catch(() => undefined);
  if (info?.isFile()) return { file, size: info.size };
  if (info?.isDirectory()) {
    const index = path.join(file, "index.html");
    const inner = await stat(index).catch(() => undefined);
    if (inner?.isFile()) return { file: index, size: inner.size };
  }
  return undefined;
}

function send(found: { file: string; size: number }, request: IncomingMessage, response: ServerResponse): void {
  response.statusCode = 200;
  response.setHeader("Content-Type", contentTypeOf(found.file));
  response.setHeader("Content-Length", found.size);
  response.setHeader("Cache-Control", found.file.endsWith(".html") ? "no-store" : "no-cache");
  if (request.method === "HEAD") {
    response.end();
    return;
  }
  const stream = createReadStream(found.file);
  stream.on("error", () => response.destroy());
  stream.pipe(response);
}

export function end(response: ServerResponse, status: number, text: string): void {
  response.statusCode = status;
  response.setHeader("Content-Type", "text/plain; charset=utf-8");
  response.end(text);
}
