// The agent clones the remote: warn before starting when the branch it would work on is not
// there, or lacks local commits, and let the user choose.
import * as vscode from 'vscode';
import type { BranchReadiness } from '../git/branchReadiness';

/** The branch to send (undefined = the remote's default branch), or 'cancelled'. */
export async function askBranch(readiness: BranchReadiness, remote: string): Promise<string | undefined | 'cancelled'> {
  if (readiness.kind === 'ready') return readiness.branch;
  const useDefault = 'Start on Default Branch';
  if (readiness.kind === 'unpushed') {
    const anyway = `Start on ${readiness.branch} Anyway`;
    const commits = readiness.count === 1 ? '1 commit' : `${readiness.count} commits`;
    const choice = await vscode.window.showWarningMessage(
      `Your branch “${readiness.branch}” has ${commits} not pushed to ${remote}.`,
      { modal: true, detail: 'The agent works on what is on the remote and will not see unpushed commits. Push first, or start anyway.' },
      anyway,
      useDefault,
    );
    return choice === anyway ? readiness.branch : choice === useDefault ? undefined : 'cancelled';
  }
  const message =
    readiness.kind === 'detached'
      ? 'HEAD is detached, so there is no branch for the agent to work on.'
      : `The branch “${readiness.branch}” is not on ${remote} yet, so the agent can't check it out.`;
  const choice = await vscode.window.showWarningMessage(
    message,
    { modal: true, detail: 'Publish the branch first, or start on the repository’s default branch.' },
    useDefault,
  );
  return choice === useDefault ? undefined : 'cancelled';
}
