// Keeps `npm run bench` from rotting between runs: its arithmetic, and a short version of the
// request-count simulation (the same code the benchmark and its CI smoke run).
import * as assert from 'node:assert/strict';
import { expectedStatusReads, simulateHour } from '../../../bench/network';
import { bytesByPackage } from '../../../bench/size';
import { median, spread } from '../../../bench/stats';
import type { RunningServer } from '../../server/openHandsServer';
import { startOpenHandsServer } from '../../server/openHandsServer';

describe('bench', () => {
  it('takes medians of odd and even counts', () => {
    assert.equal(median([5, 1, 3]), 3);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.deepEqual(spread([2, 9, 4]), { min: 2, median: 4, max: 9, n: 3 });
  });

  it('groups bundle bytes by npm package, scoped ones included', () => {
    const meta = {
      outputs: {
        'dist/git.js': {
          inputs: {
            'node_modules/simple-git/dist/esm/index.js': { bytesInOutput: 500 },
            'node_modules/@simple-git/argv-parser/dist/index.js': { bytesInOutput: 200 },
            'node_modules/simple-git/dist/esm/other.js': { bytesInOutput: 100 },
            'src/git/gitFacade.ts': { bytesInOutput: 50 },
          },
        },
      },
    };
    assert.deepEqual(bytesByPackage(meta, 'dist/git.js'), [['simple-git', 600], ['@simple-git/argv-parser', 200], ['own code (src/)', 50]]);
  });

  it('expects one status read per 99 active conversations', () => {
    assert.deepEqual([0, 1, 99, 100, 1000].map(expectedStatusReads), [0, 1, 1, 2, 11]);
  });

  describe('simulated hour against the embedded server', () => {
    let server: RunningServer;
    before(async () => (server = await startOpenHandsServer({ clock: 'manual' })));
    after(() => server.close());

    it('polls an active conversation in one request per poll until it finishes, then stops', async () => {
      const result = await simulateHour(server, { tracked: 10, active: 1 }, true);
      assert.ok(result.polls.length > 5, `${result.polls.length} polls`);
      assert.equal(result.offTarget, 0);
      assert.equal(result.stray, 0);
      assert.ok(result.pollingMinutes < 15, `still polling after ${result.pollingMinutes} min`);
    });

    it('makes no request when nothing is active', async () => {
      const result = await simulateHour(server, { tracked: 10, active: 0 }, false);
      assert.equal(result.polls.length, 0);
    });
  });
});
