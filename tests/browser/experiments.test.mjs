// The curated experiments in headless Chromium: each loads from its button with its explanation
// and runs; "Dying ReLU" ends with more dead units in the relu panel than in the leaky_relu one.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {openPage, panelData, useBrowser, waitForEpoch} from './fixture.mjs';

const EXPECTED = {
  'relu-vs-tanh': ['relu', 'tanh'],
  'dying-relu': ['relu', 'leaky_relu', 'elu'],
  'leaky-vs-prelu': ['relu', 'leaky_relu', 'leaky_relu', 'prelu'],
  'smooth-rectifiers': ['relu', 'gelu', 'silu', 'softplus', 'elu'],
  'init-matters': ['relu', 'leaky_relu', 'tanh', 'sigmoid'],
};

let page;
const session = useBrowser({
  async setup() {
    page = await openPage(session.context, session.url);
  },
});

for (const [id, activations] of Object.entries(EXPECTED)) {
  test(`experiment ${id} loads and runs`, async (t) => {
    await page.click(`#experiments button[data-experiment="${id}"]`);
    await page.waitForFunction((names) => {
      const panels = [...document.querySelectorAll('.panel')];
      return panels.map((p) => p.dataset.activation).join() === names.join();
    }, activations);
    assert.equal(
        await page.getAttribute(`button[data-experiment="${id}"]`, 'aria-pressed'), 'true');
    const text = await page.textContent('#experiment-text');
    assert.ok(text.length > 80, `experiment ${id} explains itself: "${text}"`);
    assert.match(await page.evaluate(() => location.hash), new RegExp(`exp=${id}`));
    await waitForEpoch(page, 30);
    const panels = await panelData(page);
    t.diagnostic(panels
                     .map(
                         (p) => `${p.activation}: acc ${Number(p.testAccuracy).toFixed(3)} ` +
                             `dead ${p.deadUnits}/${p.units}`)
                     .join('; '));
    if (id === 'dying-relu') {
      const relu = Number(panels.find((p) => p.activation === 'relu').deadUnits);
      const leaky = Number(panels.find((p) => p.activation === 'leaky_relu').deadUnits);
      assert.ok(relu > leaky, `dead units: relu ${relu}, leaky_relu ${leaky}`);
    }
    if (id === 'init-matters') {
      const variants = await page.$$('#experiment-variants button');
      assert.equal(variants.length, 3);
      await variants[1].click();
      await page.waitForFunction(
          () => window.reluLabTest.table.parse(location.hash).settings.init === 'uniform');
      await waitForEpoch(page, 5);
    }
    assert.deepEqual(page.problems, []);
  });
}
