// Runs a command as the leader of its own process group and kills the whole group when the
// process that started it goes away, even by SIGKILL (a tool timeout, a closed terminal), when
// no exit handler can run. The parent holds our stdin pipe; end of stdin means it is gone.
//   node processGuard.js <script> [args…]   (spawned detached, with stdin: 'pipe')
import { spawn } from 'node:child_process';

const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error('usage: node processGuard.js <script> [args…]');
  process.exit(2);
}

const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'inherit', 'inherit'] });

function killGroup(): void {
  try {
    process.kill(-process.pid, 'SIGKILL');
  } catch {
    process.exit(1);
  }
}

process.stdin.on('data', () => undefined);
process.stdin.on('end', killGroup);
process.stdin.on('error', killGroup);
// A normal stop signals the whole group; let the child shut down, then follow it.
process.on('SIGTERM', () => undefined);
process.on('SIGINT', () => undefined);
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
