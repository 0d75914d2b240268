// The page's first load until it shows its first trained epoch stays within its budget (requests
// and bytes gzipped), and what showing that epoch does not need (the charts with uPlot, the data
// editor) is fetched after it. Measured as npm run bench:first-load measures it.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {PAGE_FIRST_LOAD_BUDGET, pageFirstLoad} from './first-load.mjs';

test(
    'the page shows epoch 1 within its first-load budget; charts and editor come after',
    async () => {
      const {files, after} = await pageFirstLoad();
      const gzip = files.reduce((sum, f) => sum + f.gzip, 0);
      const list = files.map((f) => `${f.path} ${f.gzip}`).join(', ');
      assert.ok(
          files.length <= PAGE_FIRST_LOAD_BUDGET.requests, `${files.length} requests: ${list}`);
      assert.ok(gzip <= PAGE_FIRST_LOAD_BUDGET.gzip, `${gzip} B gzipped: ${list}`);
      const later = after.map((f) => f.path).join(' ');
      assert.match(later, /line-chart/);
      assert.match(later, /data-editor/);
    });
