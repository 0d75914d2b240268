// Keys of older links that no longer name one setting: reg chose one penalty (none, l1 or l2) and
// regRate its rate (0.001 if absent), where core now takes l1 and l2 directly.
import {parseValue, quote} from './parse-value.js';

export const LEGACY_KEYS = Object.freeze(['reg', 'regRate']);

/** Sets l1 or l2 in `settings` from an older link's reg and regRate in `params`. */
export function readLegacy(table, params, settings, notices) {
  const reg = params.get('reg');
  if (reg === 'l1' || reg === 'l2') {
    settings[reg] = parseValue(table.row(reg), params.get('regRate') ?? '0.001', notices, table);
  } else if (reg !== null && reg !== 'none') {
    notices.push(`reg: ${quote(reg)} is not none, l1 or l2, so no penalty is used.`);
  }
}
