/**
 * Run by tls-download.test.ts in a child process whose NODE_EXTRA_CA_CERTS trusts the test
 * certificate (as a user behind a company proxy would set it): serves a body over HTTPS, with a
 * redirect to a second HTTPS origin, downloads it with downloadGet and prints what arrived.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { downloadGet } from "../download-get";

const here = path.dirname(new URL(import.meta.url).pathname);
const tls = { key: readFileSync(path.join(here, "localhost-key.pem")), cert: readFileSync(path.join(here, "localhost-cert.pem")) };
const body = Buffer.alloc(3_000_000, 0).map((_, i) => (i * 13) % 251);

const cdn = createServer(tls, (_request, response) => response.writeHead(200, { "Content-Length": body.length }).end(body));
await new Promise<void>((resolve) => cdn.listen(0, "127.0.0.1", resolve));
const hub = createServer(tls, (_request, response) =>
  response.writeHead(302, { Location: `https://localhost:${(cdn.address() as AddressInfo).port}/blob` }).end(),
);
await new Promise<void>((resolve) => hub.listen(0, "127.0.0.1", resolve));

const response = await downloadGet(new URL(`https://localhost:${(hub.address() as AddressInfo).port}/file`), { token: "t" });
const hash = createHash("sha256");
let length = 0;
await response.pipe({ data: (bytes) => void hash.update(bytes), slab: async (bytes) => void (length += bytes.length) });
console.log(
  JSON.stringify({
    status: response.status,
    length,
    matches: hash.digest("hex") === createHash("sha256").update(body).digest("hex"),
    origin: response.url.port === String((cdn.address() as AddressInfo).port),
  }),
);
hub.close();
cdn.close();
