// The input box for the task itself. It restores an unsent draft and saves as the user types.
import * as vscode from 'vscode';
import type { TaskDraft } from './taskDraft';

export async function promptForTask(draft: TaskDraft, selectionLabel?: string): Promise<string | undefined> {
  const box = vscode.window.createInputBox();
  box.title = selectionLabel ? `OpenHands: Start Task on ${selectionLabel}` : 'OpenHands: Start Task';
  box.placeholder = selectionLabel
    ? 'What should the agent do with the selected code? e.g. Add tests for this function'
    : 'Describe the task, e.g. Fix the failing date parsing test in utils';
  const restored = draft.get();
  box.value = restored ?? '';
  box.prompt = restored ? 'Restored the task you had not sent yet. Press Enter to start, Escape to cancel.' : 'Press Enter to start, Escape to cancel.';
  box.ignoreFocusOut = true;
  return new Promise((resolve) => {
    let accepted = false;
    box.onDidChangeValue((value) => {
      box.validationMessage = undefined;
      void draft.save(value);
    });
    box.onDidAccept(() => {
      if (!box.value.trim()) {
        box.validationMessage = 'Describe the task for the agent first.';
        return;
      }
      accepted = true;
      resolve(box.value.trim());
      box.hide();
    });
    box.onDidHide(() => {
      if (!accepted) resolve(undefined);
      box.dispose();
    });
    box.show();
  });
}
