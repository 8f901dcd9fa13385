// The reference for activation: the smallest real extension (one command, no dependencies),
// activated by the same event as ours so VS Code treats both alike.
import * as fs from 'node:fs';
import * as path from 'node:path';

export const EMPTY_EXTENSION_ID = 'bench.empty-extension';

export function writeEmptyExtension(dir: string): string {
  const manifest = {
    name: 'empty-extension',
    publisher: 'bench',
    version: '0.0.1',
    engines: { vscode: '^1.100.0' },
    main: './extension.js',
    activationEvents: ['onStartupFinished'],
    contributes: { commands: [{ command: 'benchEmpty.hello', title: 'Hello', category: 'Bench' }] },
  };
  const code = [
    "'use strict';",
    "const vscode = require('vscode');",
    'exports.activate = (context) => {',
    "  context.subscriptions.push(vscode.commands.registerCommand('benchEmpty.hello', () => vscode.window.showInformationMessage('Hello')));",
    '};',
    'exports.deactivate = () => undefined;',
    '',
  ].join('\n');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  fs.writeFileSync(path.join(dir, 'extension.js'), code);
  return dir;
}
