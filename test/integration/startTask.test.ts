// Start Task from the palette and from a selection, against the embedded server in V1 and
// V0, followed to the end in the sidebar model and the status bar.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { apiKey, control, freshStart, waitFor } from './helpers';

const REPO = 'octo-org/hello-world';

async function createRequests(): Promise<{ path: string; headers: Record<string, string>; body: Record<string, unknown> }[]> {
  const log = await control.requests();
  return log
    .filter((r) => r.method === 'POST' && (r.path === '/api/v1/app-conversations' || r.path === '/api/conversations'))
    .map((r) => ({ path: r.path, headers: r.headers as Record<string, string>, body: r.body as Record<string, unknown> }));
}

function messageOf(body: Record<string, unknown>): string {
  if (typeof body.initial_user_msg === 'string') return body.initial_user_msg;
  const initial = body.initial_message as { content: { text: string }[] };
  return initial.content.map((c) => c.text).join('');
}

for (const mode of ['v1', 'v0'] as const) {
  describe(`Start Task (${mode.toUpperCase()})`, function () {
    this.timeout(60_000);

    afterEach(async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('starts one conversation for the workspace repository and follows it to finished', async () => {
      const api = await freshStart(mode);
      await vscode.commands.executeCommand('openhands.startTask', { task: 'Add a greeting test\nwith details' });
      const [create, ...more] = await createRequests();
      assert.equal(more.length, 0, 'more than one create request');
      assert.equal(create.headers.authorization, `Bearer ${apiKey()}`);
      if (mode === 'v1') {
        assert.equal(create.body.selected_repository, REPO);
        assert.equal(create.body.git_provider, 'github');
      } else {
        assert.equal(create.body.repository, REPO);
      }
      assert.equal(create.body.selected_branch, 'main');
      assert.equal(messageOf(create.body), 'Add a greeting test\nwith details');

      const [row] = api.conversations();
      assert.equal(row.title, 'Add a greeting test');
      assert.equal(row.repository, REPO);
      assert.match(api.statusBarText(), /\$\(sync~spin\) 1/);

      await control.advance(25_000);
      await vscode.commands.executeCommand('openhands.refresh');
      const done = await waitFor(() => api.conversations()[0], (c) => c.phase === 'finished', 'the conversation to finish');
      assert.equal(done.repository, REPO);
      assert.match(api.statusBarText(), /finished/);
      assert.equal((await control.conversations()).length, 1, 'exactly one conversation on the server');
    });

    it('sends the selected code with its path, lines and commit', async () => {
      await freshStart(mode);
      const folder = vscode.workspace.workspaceFolders![0].uri;
      const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'src', 'greet.js'));
      const editor = await vscode.window.showTextDocument(document);
      editor.selection = new vscode.Selection(2, 0, 5, 0); // lines 3-5
      await vscode.commands.executeCommand('openhands.startTask', { task: 'Handle an empty name' });
      const [create] = await createRequests();
      const message = messageOf(create.body);
      assert.match(message, /^Handle an empty name\n\nSelected code from `src\/greet\.js`, lines 3-5 at commit [0-9a-f]{40}:/);
      assert.ok(message.includes('```javascript\nfunction greet(name) {\n  return `Hello, ${name}!`;\n}\n```'), message);
      assert.doesNotMatch(message, /uncommitted/);
    });
  });
}

describe('API key', function () {
  this.timeout(30_000);

  it('clearing the key empties the sidebar and says how to connect; setting it brings it back', async () => {
    const api = await freshStart('v1');
    await vscode.commands.executeCommand('openhands.startTask', { task: 'Something to list' });
    const listed = (): number => api.conversations().filter((c) => c.title === 'Something to list').length;
    assert.equal(listed(), 1);
    await vscode.commands.executeCommand('openhands.clearApiKey');
    await waitFor(() => api.connectionState(), (s) => s === 'none', 'the no-key state');
    assert.equal(api.conversations().length, 0);
    assert.equal(api.statusBarText(), '');
    await vscode.commands.executeCommand('openhands.setApiKey', apiKey());
    await waitFor(listed, (n) => n === 1, 'the account list to load again');
  });

  it('a key the server rejects shows the rejected state above the rows it had', async () => {
    const api = await freshStart('v1');
    await vscode.commands.executeCommand('openhands.startTask', { task: 'Watch me' });
    await vscode.commands.executeCommand('openhands.setApiKey', 'oh-wrong-key');
    await waitFor(() => api.connectionState(), (s) => s === 'keyRejected', 'the key-rejected state');
    assert.match(api.viewMessage() ?? '', /rejected your API key/, 'the rows stay, with the reason above them');
    assert.ok(api.conversations().some((c) => c.title === 'Watch me'));
  });
});
