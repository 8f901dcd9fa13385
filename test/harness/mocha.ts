// mocha 12's package entry is ESM-only; its CommonJS build is the same API and loads with a
// plain require both here and inside the extension host (whose loader wraps require).
import type MochaType = require('mocha');

export const Mocha: typeof MochaType = require('mocha/lib/mocha.cjs');
