// One import for UI tests: `import { runCommand, treeRows, … } from '../harness/driver'`.
export * from './notifications';
export * from './palette';
export * from './screenshots';
export * from './statusBar';
export * from './views';
export * from './openhands';
export * from './workspaceTrust';
export * from './editor';
export * from './wait';
