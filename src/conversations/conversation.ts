// The domain model every layer shares. Both API versions are mapped into it, so nothing
// above the adapters knows which version the server speaks.

/** Where a conversation stands, from the user's point of view (contract §5). */
export type Phase =
  | 'starting' // start task or sandbox still coming up
  | 'running' // the agent is working
  | 'waitingForYou' // the agent asked a question or needs a confirmation
  | 'finished' // the agent called finish
  | 'failed' // start task ERROR, sandbox ERROR, execution error/stuck
  | 'paused' // sandbox paused (by the platform's concurrency cap, idle timer or a user)
  | 'archived' // sandbox gone; nothing more will happen
  | 'unknown'; // the server told us nothing we understand (yet)

/** Phases worth polling for: the agent may still move on by itself. */
export function isActive(phase: Phase): boolean {
  return phase === 'starting' || phase === 'running' || phase === 'unknown';
}

/** Ids of V1 start tasks that have not produced a conversation yet. */
export const TASK_ID_PREFIX = 'task-';

export interface Conversation {
  /** Conversation id, or `task-<start task id>` while a V1 start task has not produced one. */
  readonly id: string;
  /** V1 start task id, kept so a conversation can be traced back to the request that made it. */
  readonly startTaskId?: string;
  readonly title?: string;
  /** `owner/repo` (or `group/sub/repo`) */
  readonly repository?: string;
  readonly branch?: string;
  readonly createdAt?: Date;
  readonly updatedAt?: Date;
  readonly phase: Phase;
  /** Words for the phase: the start task step, the failure detail, the pause reason. */
  readonly statusDetail?: string;
  /** V1: needed to resume a paused conversation. */
  readonly sandboxId?: string;
  /** Raw status values, for the tooltip and the logs. */
  readonly rawStatus?: string;
}
