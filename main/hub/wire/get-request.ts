import net from "node:net";
import tls from "node:tls";

const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/** The bytes of a `Connection: close` GET; header values that could split the request are refused. */
export function getRequestBytes(url: URL, headers: Record<string, string>): Buffer {
  const lines = [`GET ${url.pathname}${url.search} HTTP/1.1`, `Host: ${url.host}`, "Connection: close", "User-Agent: Atelier"];
  for (const [name, value] of Object.entries(headers)) {
    if (!HEADER_VALUE.test(value)) throw new Error(`header ${name} holds characters HTTP does not allow`);
    lines.push(`${name}: ${value}`);
  }
  return Buffer.from(`${lines.join("\r\n")}\r\n\r\n`, "latin1");
}

/** A TCP or TLS connection to the URL's host (HTTP/1.1 by ALPN, SNI for names) whose reads go to `onread`. */
export function connectReadingInto(url: URL, onread: net.OnReadOpts): net.Socket {
  const port = Number(url.port) || (url.protocol === "https:" ? 443 : 80);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (url.protocol !== "https:") return net.connect({ host, port, onread });
  // tls.connect passes `onread` on to its net.Socket; Node's types only list it for net.
  const secure: tls.ConnectionOptions & { onread: net.OnReadOpts } = {
    host,
    port,
    ...(net.isIP(host) ? {} : { servername: host }),
    ALPNProtocols: ["http/1.1"],
    onread,
  };
  return tls.connect(secure);
}
