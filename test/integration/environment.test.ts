// The test bed itself, seen from inside the extension host: if these fail, every other
// in-host test would fail for reasons that have nothing to do with the extension.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ControlClient } from '../harness/controlClient';

describe('test environment', () => {
  it('passes the embedded server to the extension host', async () => {
    const url = process.env.OPENHANDS_TEST_SERVER_URL;
    assert.ok(url, 'OPENHANDS_TEST_SERVER_URL is not set');
    assert.equal(vscode.workspace.getConfiguration('openhands').get('serverUrl'), url);
    const control = new ControlClient();
    await control.reset();
    const before = await control.now();
    assert.equal(await control.advance(1000), before + 1000, 'the clock is not manual');
  });

  it('opens the demo git workspace', () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder');
    assert.equal(folder.uri.scheme, 'file');
    assert.match(folder.uri.path, /\/hello-world$/);
  });
});
