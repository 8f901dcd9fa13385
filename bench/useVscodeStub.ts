// Import first: from then on `require('vscode')` returns ./vscodeStub in this process.
import Module = require('node:module');

const loader = Module as unknown as { _resolveFilename(request: string, ...rest: unknown[]): string };
const resolve = loader._resolveFilename;
loader._resolveFilename = function (request: string, ...rest: unknown[]): string {
  return resolve.call(this, request === 'vscode' ? require.resolve('./vscodeStub') : request, ...rest);
};
