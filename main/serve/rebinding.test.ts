import { networkInterfaces } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawGet, rawUpgrade, startServeRig, type ServeRig } from "./serve-test-kit";

/**
 * DNS rebinding: a page at evil.com whose name now resolves to this machine talks to the server
 * with `Host: evil.com:PORT` and `Origin: http://evil.com:PORT`. Every request here goes to
 * 127.0.0.1 with forged headers; the server binds every interface but only loopback carries traffic.
 */

let wildcard: ServeRig;
let loopback: ServeRig;

beforeAll(async () => {
  [wildcard, loopback] = await Promise.all([startServeRig("0.0.0.0"), startServeRig()]);
});

afterAll(async () => {
  await Promise.all([wildcard.close(), loopback.close()]);
});

/** The machine's IPv4 addresses: a server on 0.0.0.0 is reached at any of them. */
function interfaceAddresses(): string[] {
  return Object.values(networkInterfaces()).flatMap((entries) => entries ?? []).filter((entry) => entry.family === "IPv4").map((entry) => entry.address);
}

describe("serve mode on --host 0.0.0.0", () => {
  it("answers at every address it listens on", async () => {
    const { port, server } = wildcard;
    const names = ["127.0.0.1", "localhost", ...interfaceAddresses()];
    for (const name of names) {
      const host = `${name}:${port}`;
      const page = await rawGet(port, `/?token=${server.token}`, { host });
      expect(page.status, host).toBe(200);
      expect(await rawUpgrade(port, server.token, { host, origin: `http://${host}` }), host).toBe(101);
    }
  });

  it("refuses a rebinding page even with the token: the Host it names is not one it listens on", async () => {
    const { port, server } = wildcard;
    const evil = `evil.com:${port}`;
    expect(await rawUpgrade(port, server.token, { host: evil, origin: `http://${evil}` })).toBe(403);
    const page = await rawGet(port, `/?token=${server.token}`, { host: evil });
    expect(page.status).toBe(403);
    expect(page.body).not.toContain("Atelier test");
    expect(page.headers["set-cookie"]).toBeUndefined();
  });

  it.each([
    ["a foreign origin on a good host", (port: number) => ({ host: `127.0.0.1:${port}`, origin: `http://evil.com:${port}` })],
    ["a good origin on a foreign host", (port: number) => ({ host: `evil.com:${port}`, origin: `http://127.0.0.1:${port}` })],
    ["another port", (port: number) => ({ host: `127.0.0.1:${port + 1}`, origin: `http://127.0.0.1:${port + 1}` })],
    ["an address lookalike", (port: number) => ({ host: `127.0.0.1.evil.com:${port}`, origin: `http://127.0.0.1.evil.com:${port}` })],
    ["https", (port: number) => ({ host: `127.0.0.1:${port}`, origin: `https://127.0.0.1:${port}` })],
    ["IPv6 loopback, which 0.0.0.0 does not listen on", (port: number) => ({ host: `[::1]:${port}`, origin: `http://[::1]:${port}` })],
  ])("refuses %s", async (_case, headers) => {
    expect(await rawUpgrade(wildcard.port, wildcard.server.token, headers(wildcard.port))).toBe(403);
  });
});

describe("serve mode on loopback", () => {
  it("answers to each loopback name", async () => {
    const { port, server } = loopback;
    for (const name of ["127.0.0.1", "localhost", "[::1]"]) {
      const host = `${name}:${port}`;
      expect((await rawGet(port, `/?token=${server.token}`, { host })).status, host).toBe(200);
      expect(await rawUpgrade(port, server.token, { host, origin: `http://${host}` }), host).toBe(101);
    }
  });

  it("refuses a forged Host and Origin, token or not", async () => {
    const { port, server } = loopback;
    const evil = `evil.com:${port}`;
    expect((await rawGet(port, `/?token=${server.token}`, { host: evil })).status).toBe(403);
    expect(await rawUpgrade(port, server.token, { host: evil, origin: `http://${evil}` })).toBe(403);
    // One of this machine's own addresses, which a loopback server does not listen on (TEST-NET-2 on a machine without one).
    const lanAddress = interfaceAddresses().find((address) => !address.startsWith("127.")) ?? "198.51.100.7";
    expect((await rawGet(port, `/?token=${server.token}`, { host: `${lanAddress}:${port}` })).status).toBe(403);
  });
});
