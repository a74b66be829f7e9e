import { describe, expect, it } from "vitest";
import { isAppUrl, resolveRendererLocation } from "./renderer-location";

const indexHtml = "/opt/atelier/out/renderer/index.html";

describe("resolveRendererLocation", () => {
  it("loads the built file when no dev server is running", () => {
    expect(resolveRendererLocation(indexHtml, undefined, false)).toEqual({
      kind: "file",
      url: "file:///opt/atelier/out/renderer/index.html",
    });
  });

  it("loads electron-vite's dev server in development", () => {
    expect(resolveRendererLocation(indexHtml, "http://localhost:5173", false)).toEqual({
      kind: "dev-server",
      url: "http://localhost:5173/",
    });
  });

  it("never loads a dev server from a packaged app", () => {
    expect(resolveRendererLocation(indexHtml, "http://localhost:5173", true).kind).toBe("file");
  });
});

describe("isAppUrl", () => {
  const file = resolveRendererLocation(indexHtml, undefined, false);
  const dev = resolveRendererLocation(indexHtml, "http://localhost:5173", false);

  it("accepts our page with any hash or query", () => {
    expect(isAppUrl(file, "file:///opt/atelier/out/renderer/index.html")).toBe(true);
    expect(isAppUrl(file, "file:///opt/atelier/out/renderer/index.html#/chat?x=1")).toBe(true);
    expect(isAppUrl(dev, "http://localhost:5173/src/main.tsx")).toBe(true);
  });

  it("refuses other files, origins and garbage", () => {
    expect(isAppUrl(file, "file:///opt/atelier/out/renderer/other.html")).toBe(false);
    expect(isAppUrl(file, "file:///etc/passwd")).toBe(false);
    expect(isAppUrl(file, "https://example.com/index.html")).toBe(false);
    expect(isAppUrl(file, "about:blank")).toBe(false);
    expect(isAppUrl(file, "")).toBe(false);
    expect(isAppUrl(dev, "http://localhost:5174/")).toBe(false);
    expect(isAppUrl(dev, "http://evil.example/")).toBe(false);
  });
});
