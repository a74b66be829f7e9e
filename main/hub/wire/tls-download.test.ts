import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { DownloadSocket } from "./download-socket";

// A self-signed certificate for localhost and 127.0.0.1 made for these tests only (valid to 2126).
const certificates = path.join(import.meta.dirname, "test-tls");
const tls = {
  key: readFileSync(path.join(certificates, "localhost-key.pem")),
  cert: readFileSync(path.join(certificates, "localhost-cert.pem")),
};

describe("downloads over HTTPS", () => {
  it("refuses a certificate nobody trusts", async () => {
    const server = createServer(tls, (_request, response) => response.end("secret"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const url = new URL(`https://localhost:${(server.address() as AddressInfo).port}/file`);
      await expect(new DownloadSocket(url, {}, undefined).response()).rejects.toMatchObject({ code: "DEPTH_ZERO_SELF_SIGNED_CERT" });
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it("downloads through a redirect between HTTPS origins when the certificate is trusted", async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", path.join(certificates, "serve-and-fetch.ts")], {
      env: { ...process.env, NODE_EXTRA_CA_CERTS: path.join(certificates, "localhost-cert.pem") },
      timeout: 30_000,
    });
    expect(JSON.parse(stdout)).toEqual({ status: 200, length: 3_000_000, matches: true, origin: true });
  });
});
