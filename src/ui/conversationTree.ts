// The sidebar. Rows are kept per id so a change redraws only the rows that changed.
import * as vscode from 'vscode';
import type { ConversationStore, StoreChange } from '../conversations/conversationStore';
import { ConversationItem } from './conversationItem';

export class ConversationTreeProvider implements vscode.TreeDataProvider<ConversationItem>, vscode.Disposable {
  private readonly items = new Map<string, ConversationItem>();
  private readonly changed = new vscode.EventEmitter<ConversationItem | undefined>();
  private readonly subscription: vscode.Disposable;
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly store: ConversationStore, private readonly now: () => number = Date.now) {
    this.subscription = store.onDidChange((change) => this.onStoreChange(change));
  }

  getTreeItem(item: ConversationItem): vscode.TreeItem {
    return item;
  }

  getChildren(element?: ConversationItem): ConversationItem[] {
    if (element) return [];
    const now = this.now();
    const rows = this.store.list().map((c) => {
      const item = this.items.get(c.id);
      if (item) {
        item.update(c, now, this.store.isWatched(c.id));
        return item;
      }
      const created = new ConversationItem(c, now, this.store.isWatched(c.id));
      this.items.set(c.id, created);
      return created;
    });
    for (const id of this.items.keys()) if (!this.store.get(id)) this.items.delete(id);
    return rows;
  }

  getParent(): undefined {
    return undefined;
  }

  itemFor(id: string): ConversationItem | undefined {
    return this.items.get(id);
  }

  /** Relative times drift: redraw everything now and then while the view is visible. */
  refreshAll(): void {
    this.changed.fire(undefined);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  private onStoreChange(change: StoreChange): void {
    if (change.structural) {
      this.changed.fire(undefined);
      return;
    }
    const now = this.now();
    for (const conversation of change.updated) {
      const item = this.items.get(conversation.id);
      if (!item) {
        this.changed.fire(undefined);
        return;
      }
      item.update(conversation, now, this.store.isWatched(conversation.id));
      this.changed.fire(item);
    }
  }
}
