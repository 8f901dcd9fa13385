// The manifest and the code must agree: a contributed command that nobody registers shows up
// in the palette and fails with "command not found"; a registered command that is not
// contributed has no title, category or `when`, so the palette rules in style.md B.1 miss it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'openhands-community.openhands-vscode';
const VIEW_ID = 'openhands.conversations';
/** Commands VS Code itself creates for every contributed view. */
const VIEW_COMMAND_SUFFIXES = ['focus', 'resetViewLocation', 'toggleVisibility', 'removeView', 'open'];

interface Manifest {
  readonly contributes?: {
    readonly commands?: readonly { readonly command: string }[];
    readonly views?: Readonly<Record<string, readonly { readonly id: string }[]>>;
    readonly viewsContainers?: { readonly activitybar?: readonly { readonly id: string }[] };
  };
}

describe('manifest', () => {
  let manifest: Manifest;
  let registered: Set<string>;

  before(async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    await extension.activate();
    manifest = extension.packageJSON as Manifest;
    registered = new Set(await vscode.commands.getCommands(true));
  });

  it('registers every contributed command', () => {
    const contributed = (manifest.contributes?.commands ?? []).map((c) => c.command);
    assert.ok(contributed.length > 0, 'no commands contributed');
    const missing = contributed.filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], `contributed but never registered: ${missing.join(', ')}`);
  });

  it('contributes every registered openhands.* command', () => {
    const contributed = new Set((manifest.contributes?.commands ?? []).map((c) => c.command));
    const generated = new Set(VIEW_COMMAND_SUFFIXES.map((suffix) => `${VIEW_ID}.${suffix}`));
    const stray = [...registered].filter((id) => id.startsWith('openhands.') && !contributed.has(id) && !generated.has(id));
    assert.deepEqual(stray, [], `registered but not contributed: ${stray.join(', ')}`);
  });

  it('contributes the Conversations view in the OpenHands activity bar container', () => {
    const containers = (manifest.contributes?.viewsContainers?.activitybar ?? []).map((c) => c.id);
    assert.ok(containers.includes('openhands'), `containers: ${containers.join(', ')}`);
    const views = (manifest.contributes?.views?.['openhands'] ?? []).map((v) => v.id);
    assert.ok(views.includes(VIEW_ID), `views in openhands: ${views.join(', ')}`);
  });

  it('has the Conversations view in the workbench', async () => {
    // `<view>.focus` exists only for views the workbench has registered, and opens it.
    assert.ok(registered.has(`${VIEW_ID}.focus`), `${VIEW_ID}.focus is not registered`);
    await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
  });
});
