// One sidebar row. Everything shown is recomputed in `update`, from the conversation alone.
import * as vscode from 'vscode';
import type { Conversation, Phase } from '../conversations/conversation';
import { relativeTime } from '../conversations/relativeTime';

const ICONS: Record<Phase, [string, string?]> = {
  starting: ['loading~spin'],
  running: ['sync~spin'],
  waitingForYou: ['comment-unresolved', 'charts.yellow'],
  finished: ['pass', 'testing.iconPassed'],
  failed: ['error', 'testing.iconFailed'],
  paused: ['debug-pause', 'charts.orange'],
  archived: ['archive'],
  unknown: ['question'],
};

export const PHASE_WORDS: Record<Phase, string> = {
  starting: 'Starting',
  running: 'Running',
  waitingForYou: 'Needs you',
  finished: 'Finished',
  failed: 'Failed',
  paused: 'Paused',
  archived: 'Archived',
  unknown: 'Status unknown',
};

export class ConversationItem extends vscode.TreeItem {
  conversation: Conversation;

  constructor(conversation: Conversation, now: number, watched: boolean) {
    super(conversation.title || conversation.id, vscode.TreeItemCollapsibleState.None);
    this.conversation = conversation;
    this.update(conversation, now, watched);
  }

  update(conversation: Conversation, now: number, watched: boolean): void {
    this.conversation = conversation;
    this.id = conversation.id;
    this.label = conversation.title || 'Untitled conversation';
    const [icon, color] = ICONS[conversation.phase];
    this.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
    const when = relativeTime(conversation.updatedAt ?? conversation.createdAt, now);
    this.description = [headline(conversation), conversation.repository, when].filter(Boolean).join(' · ');
    // `conversation.<phase>` plus `.watched` when the user will be told about it (menus match it).
    this.contextValue = `conversation.${conversation.phase}${watched ? '.watched' : ''}`;
    this.tooltip = tooltipFor(conversation);
    this.accessibilityInformation = { label: `${this.label}, ${PHASE_WORDS[conversation.phase]}, ${this.description}` };
  }
}

/** What the row says first: the start task's step, why it stopped, or that it needs you. */
function headline(c: Conversation): string | undefined {
  if (c.phase === 'waitingForYou') return 'Needs you';
  if (c.phase !== 'starting' && c.phase !== 'paused' && c.phase !== 'failed') return undefined;
  const detail = c.statusDetail?.split('\n', 1)[0];
  return detail && detail.length > 48 ? `${detail.slice(0, 47)}…` : detail;
}

/** Server text is untrusted: plain text only, no command links, no HTML. */
function tooltipFor(c: Conversation): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, false);
  md.isTrusted = false;
  md.supportHtml = false;
  md.appendText(c.title || 'Untitled conversation');
  md.appendMarkdown('\n\n');
  const rows: [string, string | undefined][] = [
    ['Status', PHASE_WORDS[c.phase] + (c.statusDetail ? ` — ${c.statusDetail}` : '')],
    ['Repository', c.repository ? `${c.repository}${c.branch ? ` (${c.branch})` : ''}` : undefined],
    ['Started', c.createdAt?.toLocaleString()],
    ['Updated', c.updatedAt?.toLocaleString()],
    ['ID', c.id],
  ];
  for (const [name, value] of rows) {
    if (!value) continue;
    md.appendMarkdown(`**${name}:** `);
    md.appendText(value);
    md.appendMarkdown('  \n');
  }
  return md;
}
