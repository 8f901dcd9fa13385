// Just enough of the `vscode` module to run the tree provider, its rows and the status bar in
// plain Node (section 5). Shapes follow vscode.d.ts; nothing here renders anything.
/* eslint-disable @typescript-eslint/no-extraneous-class */

// The core's emitter already has vscode.EventEmitter's shape.
export { Emitter as EventEmitter } from '../src/conversations/emitter';

export enum TreeItemCollapsibleState { None = 0, Collapsed = 1, Expanded = 2 }
export enum StatusBarAlignment { Left = 1, Right = 2 }

export class TreeItem {
  id?: string;
  description?: string;
  iconPath?: unknown;
  contextValue?: string;
  tooltip?: unknown;
  accessibilityInformation?: unknown;
  constructor(public label: string, public collapsibleState = TreeItemCollapsibleState.None) {}
}

export class ThemeColor {
  constructor(readonly id: string) {}
}

export class ThemeIcon {
  constructor(readonly id: string, readonly color?: ThemeColor) {}
}

export class MarkdownString {
  isTrusted = false;
  supportHtml = false;
  constructor(public value = '', readonly supportThemeIcons = false) {}
  appendText(text: string): this {
    this.value += text.replace(/[\\`*_{}[\]()#+\-.!<>]/g, '\\$&');
    return this;
  }
  appendMarkdown(text: string): this {
    this.value += text;
    return this;
  }
}

export const window = {
  createStatusBarItem: (id: string, alignment?: StatusBarAlignment, priority?: number) => ({
    id, alignment, priority, text: '', name: '', tooltip: '', command: undefined as unknown, accessibilityInformation: undefined as unknown,
    show: () => undefined, hide: () => undefined, dispose: () => undefined,
  }),
};
