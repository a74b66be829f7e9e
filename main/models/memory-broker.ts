import type { EngineName } from "../../shared/jobs";
import type { LoadedModel, ModelInfo } from "../../shared/models";
import type { Logger } from "../log/types";
import type { ManagedEngine } from "./configured-engine";

export interface MemoryBrokerOptions {
  engines: () => readonly ManagedEngine[];
  getModel(id: string): Promise<ModelInfo>;
  /** The RAM budget for all engines together, from settings. */
  budgetBytes(): number;
  logger: Logger;
  /** How long room made for a model stays set aside while its engine loads it. */
  reservationMs?: number;
}

/** What loading a model will take: the fit estimate where there is one (weights and context), else its files. */
export function estimatedMemory(model: ModelInfo): number {
  return Math.max(model.fit?.ramBytes ?? 0, model.sizeBytes);
}

interface Reservation {
  engine: EngineName;
  modelId: string;
  bytes: number;
  until: number;
}

/**
 * Keeps the models of every engine process together within one RAM budget. Each engine's cache
 * only sees its own models, so before a job loads models the broker unloads the least recently
 * used idle ones anywhere (another engine's included) until everything fits. Calls run one at a
 * time, and the room made stays reserved until the engine reports the model loaded, so jobs
 * starting together on different engines do not both count the same free memory.
 */
export class MemoryBroker {
  private turn: Promise<void> = Promise.resolve();
  private readonly reservations = new Map<string, Reservation>();

  constructor(private readonly options: MemoryBrokerOptions) {}

  /** Makes room for `modelIds` in `engine`; models already loaded there count as already paid for. */
  makeRoom(engine: EngineName, modelIds: readonly string[]): Promise<void> {
    const run = this.turn.then(() => this.makeRoomNow(engine, modelIds));
    this.turn = run.catch(() => undefined);
    return run;
  }

  private async makeRoomNow(engine: EngineName, modelIds: readonly string[]): Promise<void> {
    const engines = this.options.engines();
    const loaded = (await Promise.all(engines.map((each) => each.loaded().catch((): LoadedModel[] => [])))).flat();
    this.dropSettledReservations(loaded);
    const isHere = (id: string) => loaded.some((model) => model.engine === engine && model.modelId === id);
    const missing = modelIds.filter((id) => !isHere(id) && !this.reservations.has(keyOf(engine, id)));
    if (missing.length === 0) return;
    const sizes = await Promise.all(missing.map((id) => this.options.getModel(id).then(estimatedMemory, () => 0)));
    const needed = sizes.reduce((a, b) => a + b, 0);
    const budget = this.options.budgetBytes();
    let used = loaded.reduce((sum, model) => sum + model.memoryBytes, 0);
    for (const reservation of this.reservations.values()) used += reservation.bytes;
    const candidates = loaded
      .filter((model) => !model.inUse && !(model.engine === engine && modelIds.includes(model.modelId)))
      .sort((a, b) => a.lastUsedAt - b.lastUsedAt);
    for (const victim of candidates) {
      if (used + needed <= budget) break;
      const holder = engines.find((each) => each.engine === victim.engine);
      // Only if still idle: a job may have picked it up since the snapshot.
      if (!(await holder?.unload(victim.modelId, { ifIdle: true }).catch(() => false))) continue;
      used -= victim.memoryBytes;
      this.options.logger.log("info", "engines", `Unloaded ${victim.modelId} from the ${victim.engine} engine to stay within the memory budget`, {
        for: missing,
        neededBytes: needed,
        budgetBytes: budget,
      });
    }
    const until = Date.now() + (this.options.reservationMs ?? 120_000);
    missing.forEach((modelId, index) => this.reservations.set(keyOf(engine, modelId), { engine, modelId, bytes: sizes[index] ?? 0, until }));
  }

  /** A reservation ends when its model shows up loaded (its memory is then counted there) or after a while. */
  private dropSettledReservations(loaded: readonly LoadedModel[]): void {
    const now = Date.now();
    for (const [key, reservation] of this.reservations) {
      const arrived = loaded.some((model) => model.engine === reservation.engine && model.modelId === reservation.modelId);
      if (arrived || reservation.until <= now) this.reservations.delete(key);
    }
  }
}

function keyOf(engine: EngineName, modelId: string): string {
  return `${engine}\0${modelId}`;
}
