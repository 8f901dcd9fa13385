// Builds the first message the agent receives: the user's task, plus the selected code with
// enough context (path, lines, commit) for the agent to find it in its own checkout.
export interface SelectedCode {
  /** Path relative to the repository root, with forward slashes. */
  readonly relativePath: string;
  /** 1-based, inclusive. */
  readonly startLine: number;
  readonly endLine: number;
  /** VS Code language id, used as the fence's info string. */
  readonly languageId: string;
  readonly text: string;
  /** HEAD when the task was started, so line numbers can be read against it. */
  readonly commitSha?: string;
  /** The file differs from HEAD: the agent's checkout will not have these exact lines. */
  readonly hasUncommittedChanges: boolean;
}

export function buildTaskMessage(task: string, selection?: SelectedCode): string {
  const trimmed = task.trim();
  if (!selection) return trimmed;
  const lines =
    selection.startLine === selection.endLine
      ? `line ${selection.startLine}`
      : `lines ${selection.startLine}-${selection.endLine}`;
  const at = selection.commitSha ? ` at commit ${selection.commitSha}` : '';
  const parts = [trimmed, '', `Selected code from \`${selection.relativePath}\`, ${lines}${at}:`, '', fence(selection.text, selection.languageId)];
  if (selection.hasUncommittedChanges) {
    parts.push('', 'Note: this file has uncommitted local changes, so the repository may differ from the code above.');
  }
  return parts.join('\n');
}

/** A fence longer than any backtick run inside the code, so the code cannot close it. */
function fence(code: string, languageId: string): string {
  const longestRun = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const ticks = '`'.repeat(Math.max(3, longestRun + 1));
  const body = code.endsWith('\n') ? code.slice(0, -1) : code;
  const info = /^[\w#+.-]+$/.test(languageId) ? languageId : '';
  return `${ticks}${info}\n${body}\n${ticks}`;
}

/** The sidebar label while the server has not given the conversation a title yet. */
export function titleFromTask(task: string, max = 80): string {
  const firstLine = task.trim().split(/\r?\n/, 1)[0] ?? '';
  return firstLine.length > max ? `${firstLine.slice(0, max - 1)}…` : firstLine;
}
