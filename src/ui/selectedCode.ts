// Turns the editor's selection into the context the agent receives.
import * as path from 'node:path';
import type * as vscode from 'vscode';
import type { SelectedCode } from '../conversations/taskMessage';
import type { TaskTarget } from './repositoryResolver';

/** 1-based inclusive lines; a selection ending at the start of a line does not include it. */
function lineRange(selection: vscode.Selection): [number, number] {
  const start = selection.start.line + 1;
  const end = selection.end.character === 0 && selection.end.line > selection.start.line ? selection.end.line : selection.end.line + 1;
  return [start, end];
}

export function selectionLabel(editor: vscode.TextEditor): string {
  const [start, end] = lineRange(editor.selection);
  const name = path.basename(editor.document.uri.path);
  return start === end ? `${name}:${start}` : `${name}:${start}-${end}`;
}

export async function selectedCode(editor: vscode.TextEditor, target: TaskTarget): Promise<SelectedCode> {
  const [startLine, endLine] = lineRange(editor.selection);
  const file = editor.document.uri.fsPath;
  const inRepo = target.root !== undefined && !path.relative(target.root, file).startsWith('..');
  const relativePath = inRepo && target.root ? path.relative(target.root, file).split(path.sep).join('/') : path.basename(file);
  const changed = editor.document.isDirty || (inRepo && target.hasUncommittedChanges ? await target.hasUncommittedChanges(file) : false);
  return {
    relativePath,
    startLine,
    endLine,
    languageId: editor.document.languageId,
    text: editor.document.getText(editor.selection),
    commitSha: inRepo ? target.headSha : undefined,
    hasUncommittedChanges: changed,
  };
}
