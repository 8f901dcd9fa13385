// What the UI needs from the git layer that pulls in simple-git. The bundle loads this
// module lazily (dist/git.js, see esbuild.js) the first time a task is started, so neither
// activation nor the main bundle pays for simple-git.
export { GitNotFoundError, GitUnsafeRepositoryError, hasUncommittedChanges, inspectRepository } from './repository';
