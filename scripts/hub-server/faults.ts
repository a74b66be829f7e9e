import { createPrng } from "../fixtures/prng";

/** Answers with an error status at the resolve endpoint. */
export const STATUS_FAULTS = ["401", "403", "404", "500"] as const;
/** Misbehaviour while serving bytes from the CDN. */
export const DATA_FAULTS = ["drop", "stall", "corrupt", "wrong-size", "ignore-range", "gzip"] as const;
export const FAULT_KINDS = [...STATUS_FAULTS, ...DATA_FAULTS] as const;
export type StatusFault = (typeof STATUS_FAULTS)[number];
export type DataFault = (typeof DATA_FAULTS)[number];
export type FaultKind = (typeof FAULT_KINDS)[number];

/** A fault for every request whose file path contains `path` (all when absent), the first `times` of them. */
export interface FaultRule {
  kind: FaultKind;
  path?: string;
  times?: number;
  /** For drop, stall and corrupt: the body offset where it happens (random when absent). */
  atByte?: number;
}

export interface FaultOptions {
  /** Seeds the draws, so a failing run replays exactly. */
  seed?: number;
  /** Chance that a file request draws a random fault, 0..1. */
  rate?: number;
  /** The kinds random draws pick from; all by default. */
  kinds?: readonly FaultKind[];
  /** Deterministic faults, applied before random ones. */
  rules?: FaultRule[];
}

/** What a data fault does to one response body, all offsets relative to the body's first byte. */
export type DataFaultPlan =
  | { kind: "drop" | "stall"; afterBytes: number }
  | { kind: "corrupt"; atByte: number }
  | { kind: "wrong-size"; extraBytes: number }
  | { kind: "ignore-range" }
  /** Compressed with Content-Encoding: gzip although the client asked for identity (a misbehaving proxy). */
  | { kind: "gzip" };

/** Draws faults per request, from rules first, then at random. */
export class FaultInjector {
  private random: () => number;
  private options: FaultOptions;
  private readonly used = new Map<FaultRule, number>();
  private lastRule: FaultRule | undefined;

  constructor(options: FaultOptions = {}) {
    this.options = options;
    this.random = createPrng(options.seed ?? 1);
  }

  configure(options: FaultOptions): void {
    this.options = options;
    this.random = createPrng(options.seed ?? 1);
    this.used.clear();
  }

  /** A status to answer a resolve request with instead of redirecting, if any. */
  statusFault(filePath: string): StatusFault | undefined {
    const kind = this.draw(filePath, STATUS_FAULTS);
    return kind === undefined ? undefined : (kind as StatusFault);
  }

  /** What goes wrong while sending `length` body bytes, if anything. */
  dataFault(filePath: string, length: number, isRange: boolean): DataFaultPlan | undefined {
    const kind = this.draw(filePath, DATA_FAULTS) as DataFault | undefined;
    const fixed = this.lastRule?.atByte;
    const offset = () => fixed ?? Math.floor(this.random() * Math.max(1, length));
    switch (kind) {
      case undefined: return undefined;
      case "drop":
      case "stall": return { kind, afterBytes: offset() };
      case "corrupt": return length > 0 ? { kind, atByte: offset() } : undefined;
      case "wrong-size": return { kind, extraBytes: 1 + Math.floor(this.random() * 4096) };
      case "ignore-range": return isRange ? { kind } : undefined;
      case "gzip": return length > 0 ? { kind } : undefined;
    }
  }

  private draw(filePath: string, allowed: readonly FaultKind[]): FaultKind | undefined {
    this.lastRule = undefined;
    for (const rule of this.options.rules ?? []) {
      if (!allowed.includes(rule.kind)) continue;
      if (rule.path !== undefined && !filePath.includes(rule.path)) continue;
      const used = this.used.get(rule) ?? 0;
      if (used >= (rule.times ?? Infinity)) continue;
      this.used.set(rule, used + 1);
      this.lastRule = rule;
      return rule.kind;
    }
    const rate = this.options.rate ?? 0;
    if (rate <= 0) return undefined;
    // Random draws split the rate over every configured kind, so each stage sees its share.
    const kinds = this.options.kinds ?? FAULT_KINDS;
    if (this.random() >= rate) return undefined;
    const kind = kinds[Math.floor(this.random() * kinds.length)];
    return kind !== undefined && allowed.includes(kind) ? kind : undefined;
  }
}
