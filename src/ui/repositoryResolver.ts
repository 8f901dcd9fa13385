// Decides which repository and branch a task is for, asking the user only when it must:
// several remotes pointing at different repositories, an unpublished branch, or no remote.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { GitProvider } from '../api/openHandsApi';
import { branchReadiness } from '../git/branchReadiness';
import type { ParsedRemote } from '../git/chooseRemote';
import { chooseRemote } from '../git/chooseRemote';
import type { GitRemote, RepositoryInfo } from '../git/repositoryInfo';
import { askBranch } from './branchPrompt';
import { readSettings } from './settings';

export interface TaskTarget {
  /** `owner/repo`; absent when the user chose to start without a repository. */
  readonly repository?: string;
  readonly provider?: GitProvider;
  /** Absent to let the server use the repository's default branch. */
  readonly branch?: string;
  readonly root?: string;
  readonly headSha?: string;
  readonly hasUncommittedChanges?: (file: string) => Promise<boolean>;
}

/** simple-git is loaded on first use only (a separate bundle). */
const loadGit = (): Promise<typeof import('../git/gitFacade.js')> => import('../git/gitFacade.js');

const REMEMBERED_KEY = 'openhands.remoteByFolder';
const WITHOUT_REPOSITORY: TaskTarget = {};

export class RepositoryResolver implements vscode.Disposable {
  constructor(private readonly workspaceState: vscode.Memento, private readonly log: vscode.LogOutputChannel) {}

  /** Resolves to the target, or undefined when the user cancelled. */
  async resolve(fileUri?: vscode.Uri): Promise<TaskTarget | undefined> {
    // A repository's own config can make git run programs (filters, hooks): in Restricted
    // Mode we do not run git at all, as VS Code's git extension does not.
    if (!vscode.workspace.isTrusted) return this.offerWithoutRepository('This workspace is in Restricted Mode, where OpenHands does not run git');
    const info = await this.inspect(fileUri);
    if (info === 'cancelled') return undefined;
    if (typeof info === 'string') return this.offerWithoutRepository(info);
    const remote = await this.pickRemote(info);
    if (remote === 'cancelled') return undefined;
    if (typeof remote === 'string') return this.offerWithoutRepository(remote);
    const branch = await askBranch(branchReadiness(info, remote.name), remote.name);
    if (branch === 'cancelled') return undefined;
    this.log.info(`[git] ${remote.repository.path} (${remote.name}) on ${branch ?? 'the default branch'}`);
    return {
      repository: remote.repository.path,
      provider: remote.repository.provider,
      branch,
      root: path.normalize(info.root),
      headSha: info.headSha,
      hasUncommittedChanges: async (file) => (await loadGit()).hasUncommittedChanges(info.root, file),
    };
  }

  /** "Choose Repository Remote…": lets the user change the remembered remote for a folder. */
  async chooseRemoteInteractively(fileUri?: vscode.Uri): Promise<void> {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showInformationMessage('OpenHands does not run git in Restricted Mode. Trust the workspace to choose a remote.');
      return;
    }
    const info = await this.inspect(fileUri);
    if (typeof info === 'string') {
      if (info !== 'cancelled') void vscode.window.showInformationMessage(`${info}.`);
      return;
    }
    const candidates = info.remotes.filter((r): r is ParsedRemote<GitRemote> => r.repository !== undefined);
    if (candidates.length === 0) {
      void vscode.window.showInformationMessage('No remote of this repository points at a hosted repository.');
      return;
    }
    await this.askRemote(info.root, candidates);
  }

  dispose(): void {
    // Nothing held: every resolution reads git afresh, so remote changes apply at once.
  }

  private async inspect(fileUri?: vscode.Uri): Promise<RepositoryInfo | string> {
    const folder = await folderFor(fileUri);
    if (!folder) return folder === undefined ? 'No folder is open' : 'cancelled';
    const git = await loadGit();
    try {
      const info = await git.inspectRepository(folder, { hostProviders: readSettings().gitProviders });
      return info ?? `${path.basename(folder)} is not in a git repository`;
    } catch (error) {
      this.log.warn(`[git] ${error instanceof Error ? error.message : String(error)}`);
      if (error instanceof git.GitNotFoundError) return 'Git could not be started (is it installed and on PATH?)';
      if (error instanceof git.GitUnsafeRepositoryError) return `Git refuses to read ${folder} (add it to safe.directory)`;
      return 'Git could not read the repository (see the logs)';
    }
  }

  private async pickRemote(info: RepositoryInfo): Promise<ParsedRemote<GitRemote> | string> {
    const remembered = this.workspaceState.get<Record<string, string>>(REMEMBERED_KEY)?.[info.root];
    const choice = chooseRemote(info.remotes, info.upstream?.remote, remembered);
    if (choice.kind === 'chosen') return choice.remote;
    if (choice.kind === 'none') {
      return choice.reason === 'noRemotes' ? 'This repository has no remote' : 'No remote of this repository points at a hosted repository';
    }
    return (await this.askRemote(info.root, choice.candidates)) ?? 'cancelled';
  }

  private async askRemote(root: string, candidates: readonly ParsedRemote<GitRemote>[]): Promise<ParsedRemote<GitRemote> | undefined> {
    const picked = await vscode.window.showQuickPick(
      candidates.map((remote) => ({ label: remote.repository.path, description: remote.name, detail: remote.repository.displayUrl, remote })),
      { title: 'OpenHands: Which Repository Should the Agent Work On?', placeHolder: 'The remotes point at different repositories; your choice is remembered for this folder', ignoreFocusOut: true },
    );
    if (!picked) return undefined;
    const remembered = this.workspaceState.get<Record<string, string>>(REMEMBERED_KEY) ?? {};
    await this.workspaceState.update(REMEMBERED_KEY, { ...remembered, [root]: picked.remote.name });
    return picked.remote;
  }

  private async offerWithoutRepository(reason: string): Promise<TaskTarget | undefined> {
    if (reason === 'cancelled') return undefined;
    const choice = await vscode.window.showWarningMessage(
      `${reason}, so OpenHands can't tell which repository to work on.`,
      { modal: true, detail: 'You can start the task without a repository; the agent then works in an empty workspace.' },
      'Start Without Repository',
    );
    return choice ? WITHOUT_REPOSITORY : undefined;
  }
}

/** The folder of the file being edited, else the only (or a picked) workspace folder. */
async function folderFor(fileUri?: vscode.Uri): Promise<string | undefined | null> {
  if (fileUri?.scheme === 'file') return path.dirname(fileUri.fsPath);
  const folders = vscode.workspace.workspaceFolders?.filter((f) => f.uri.scheme === 'file') ?? [];
  if (folders.length <= 1) return folders[0]?.uri.fsPath;
  const picked = await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Which folder is the task about?', ignoreFocusOut: true });
  return picked ? picked.uri.fsPath : null;
}
