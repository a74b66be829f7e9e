import { isIP } from "node:net";
import { hostname, networkInterfaces, type NetworkInterfaceInfo } from "node:os";

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1"]);
const WILDCARD = new Set(["0.0.0.0", "::"]);
/** Interfaces come and go (Wi-Fi, VPN): their addresses are read again after this long. */
const INTERFACES_TTL_MS = 5_000;

export type InterfaceLister = () => NodeJS.Dict<NetworkInterfaceInfo[]>;

export function hostForUrl(host: string): string {
  return isIP(host) === 6 ? `[${host}]` : host;
}

/** The address to print: a wildcard bind is reached through loopback on this machine. */
export function publicHost(bindHost: string): string {
  return WILDCARD.has(bindHost) ? "127.0.0.1" : bindHost;
}

/**
 * The `host:port` names a browser can use to reach this server, and so the only Host headers
 * and Origins it answers. They come from the addresses it listens on, never from the request:
 * a DNS-rebinding page at `evil.com` resolving to this machine sends `Host: evil.com`, which is
 * not one of them. Loopback answers to each loopback name; a wildcard bind to the machine's
 * interface addresses (IPv4 for 0.0.0.0, both families for ::), `localhost` and the machine's own
 * name (`name` and `name.local`, which only this network's name service can point here); any other bind
 * to exactly the host it was given.
 */
export class ServedAddresses {
  private cache: { names: Set<string>; until: number } | undefined;

  constructor(
    private readonly bindHost: string,
    private readonly port: number,
    private readonly interfaces: InterfaceLister = networkInterfaces,
    private readonly machineName: string = hostname(),
  ) {}

  /** The request's Host header names this server. */
  hostAllowed(host: string | undefined): boolean {
    return typeof host === "string" && this.names().has(host.toLowerCase());
  }

  /** A WebSocket's Origin is a page this server served. */
  originAllowed(origin: string | undefined): boolean {
    if (typeof origin !== "string" || !origin.startsWith("http://")) return false;
    return this.names().has(origin.slice("http://".length).toLowerCase());
  }

  private names(): Set<string> {
    const now = Date.now();
    if (!this.cache || now >= this.cache.until) this.cache = { names: this.read(), until: now + INTERFACES_TTL_MS };
    return this.cache.names;
  }

  private read(): Set<string> {
    const names = new Set<string>();
    for (const host of this.hosts()) {
      const name = hostForUrl(host.toLowerCase());
      names.add(`${name}:${this.port}`);
      // Browsers leave the default port out of Host and Origin.
      if (this.port === 80) names.add(name);
    }
    return names;
  }

  private hosts(): string[] {
    if (LOOPBACK.has(this.bindHost)) return [...LOOPBACK];
    if (!WILDCARD.has(this.bindHost)) return [this.bindHost];
    const ipv6 = this.bindHost === "::";
    const addresses = Object.values(this.interfaces())
      .flatMap((entries) => entries ?? [])
      .filter((entry) => entry.family === "IPv4" || ipv6)
      .map((entry) => entry.address);
    const names = this.machineName ? [this.machineName, `${this.machineName.replace(/\.local$/i, "")}.local`] : [];
    return ["localhost", "127.0.0.1", ...(ipv6 ? ["::1"] : []), ...names, ...addresses];
  }
}
