// Bundles the extension: VS Code loads one file much faster than many. simple-git goes in a
// second bundle that is loaded only when a task is started.
'use strict';
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const metafile = process.argv.includes('--metafile');

// The git layer (simple-git) is its own bundle, loaded on first use: see src/git/gitFacade.ts.
const lazyGit = {
  name: 'lazy-git',
  setup(build) {
    build.onResolve({ filter: /\/git\/gitFacade(\.js)?$/ }, (args) =>
      args.importer.endsWith('gitFacade.ts') ? undefined : { path: './git.js', external: true },
    );
  },
};

async function main() {
  const ctx = await esbuild.context({
    entryPoints: { extension: 'src/extension.ts', git: 'src/git/gitFacade.ts' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    outdir: 'dist',
    plugins: [lazyGit],
    // Turns `import('./git.js')` into a plain require: the extension host loads CommonJS.
    supported: { 'dynamic-import': false },
    external: ['vscode'],
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    metafile,
    logLevel: 'warning',
  });
  if (watch) {
    await ctx.watch();
    return;
  }
  const result = await ctx.rebuild();
  if (metafile) require('node:fs').writeFileSync('dist/meta.json', JSON.stringify(result.metafile));
  await ctx.dispose();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
