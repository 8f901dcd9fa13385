// What the user typed for a task is kept per workspace until the server confirms the
// conversation, so no failure (or reload) can lose it.
import type * as vscode from 'vscode';

const DRAFT_KEY = 'openhands.taskDraft';

export class TaskDraft {
  constructor(private readonly workspaceState: vscode.Memento) {}

  get(): string | undefined {
    const value = this.workspaceState.get<unknown>(DRAFT_KEY);
    return typeof value === 'string' && value.trim() ? value : undefined;
  }

  save(text: string): Thenable<void> {
    return this.workspaceState.update(DRAFT_KEY, text.trim() ? text : undefined);
  }

  clear(): Thenable<void> {
    return this.workspaceState.update(DRAFT_KEY, undefined);
  }
}
