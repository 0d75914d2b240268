// The figure's own attributes (those that are not a setting of the page's URL): their names,
// values, defaults and meaning, in one table. The element reads its defaults here, the snippets
// and the embed page take the names from here, and README's attribute table is checked against
// it (tests/web/figure-own.test.mjs). The element itself loads only what it reads (the layout's
// defaults are in figure-layout.js).
import {PANEL_SIZE} from './figure-layout.js';

/**
 * name: the attribute; values and fallback: README's words; link: the page's URL key of the same
 * meaning, which a link and the Share dialog carry over to a figure.
 */
export const OWN_ATTRIBUTES = Object.freeze([
  {
    name: 'loading',
    values: '`lazy` (nothing loads until within 300 px of the viewport) / `eager`',
    fallback: '`lazy`',
  },
  {
    name: 'autoplay',
    values: 'boolean; ignored under `prefers-reduced-motion: reduce` and with `at`',
    fallback: 'off: a poster',
  },
  {
    name: 'controls',
    values: '`none` / `minimal` (play, step, reset, epoch) / `full` (+ new seed, link to the page)',
    fallback: '`minimal`',
  },
  {
    name: 'at',
    link: 'at',
    values: 'train to this epoch and show it paused, as the page\'s `at=` link key (cut to ' +
        'about 15 s of training, with a notice)',
    fallback: 'epoch 0',
  },
  {name: 'epochs', values: 'stop after N epochs', fallback: 'no limit'},
  {
    name: 'panel-size',
    values: 'minimum panel width in px (80-800); two or three panels shrink to stay side by ' +
        'side (down to 100 px) before they stack',
    fallback: String(PANEL_SIZE),
  },
  {name: 'columns', values: 'panels per row (1-12)', fallback: 'as many as fit'},
  {
    name: 'heading-level',
    values: '`2`-`6`: panel names as headings of that level',
    fallback: 'none: plain text',
  },
  {
    name: 'poster',
    values: 'an image URL shown until the figure\'s first frame (e.g. the Share dialog\'s still)',
    fallback: 'none',
  },
  {
    name: 'theme',
    values: '`light` / `dark`; unset follows `prefers-color-scheme`',
    fallback: 'unset'
  },
  {
    name: 'label',
    values: 'the title above the panels',
    fallback: '"ReLU vs tanh on circle (seed 1)"'
  },
  {
    name: 'page',
    values: 'the full page\'s URL, for the link',
    fallback: 'the page next to `embed/`'
  },
  {
    name: 'embed',
    values: 'boolean `embed.html` sets: show the link to the page with minimal controls',
    fallback: 'off',
  },
  {
    name: 'fit',
    values: 'boolean `embed.html` sets: size the panels to fill the element',
    fallback: 'off'
  },
]);
