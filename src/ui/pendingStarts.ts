// Where pending starts live: workspace state, so they survive a window reload, plus the set
// of requests this window still waits for (those must not be looked up: their answer may
// yet come). Host-free at runtime (only the Memento type), so it is unit-tested in Node.
import { randomUUID } from 'node:crypto';
import type * as vscode from 'vscode';
import type { PendingStart } from '../conversations/pendingStart';
import { readPendingStart } from '../conversations/pendingStart';

const PENDING_KEY = 'openhands.pendingStarts';
const MAX_RECORDS = 10;

/** This extension host's id: a reloaded window gets a new one. */
export const WINDOW_ID = randomUUID();

export type PendingStartFields = Pick<PendingStart, 'message' | 'task' | 'repository' | 'branch'>;

export class PendingStarts {
  /** Requests (and lookups) under way in this window; one PendingStarts per window holds them. */
  private readonly inFlight = new Set<string>();

  constructor(private readonly workspaceState: vscode.Memento, private readonly now: () => number = Date.now) {}

  all(): PendingStart[] {
    const saved = this.workspaceState.get<unknown>(PENDING_KEY);
    const list = Array.isArray(saved) ? saved : [];
    return list.map((v) => readPendingStart(v, this.now())).filter((p): p is PendingStart => p !== undefined);
  }

  /** Pending starts whose request is not in flight in this window: their answer is lost. */
  unresolved(): PendingStart[] {
    return this.all().filter((p) => !this.inFlight.has(p.id));
  }

  /** Written (and awaited) before the request is sent, so a reload right after finds it. */
  async begin(fields: PendingStartFields): Promise<PendingStart> {
    const record: PendingStart = { ...fields, id: randomUUID(), sentAt: new Date(this.now()).toISOString(), window: WINDOW_ID };
    this.inFlight.add(record.id);
    await this.save([...this.all(), record].slice(-MAX_RECORDS));
    return record;
  }

  /**
   * Takes a record for a lookup, so a reload and a "Check Again" do not both settle it.
   * False when someone in this window is already on it.
   */
  claim(record: PendingStart): boolean {
    if (this.inFlight.has(record.id)) return false;
    this.inFlight.add(record.id);
    return true;
  }

  /** The request or lookup ended; the record stays until `remove` settles it. */
  release(record: PendingStart): void {
    this.inFlight.delete(record.id);
  }

  async remove(record: PendingStart): Promise<void> {
    this.inFlight.delete(record.id);
    const rest = this.all().filter((p) => p.id !== record.id);
    await this.save(rest);
  }

  private save(records: readonly PendingStart[]): Thenable<void> {
    return this.workspaceState.update(PENDING_KEY, records.length > 0 ? records : undefined);
  }
}
