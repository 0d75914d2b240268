// The claims list: each claim with a button that runs its study (or, for a claim that is a
// shape rather than a number, loads its experiment), the verdict once measured, and what the
// setting can and cannot show.
import {el} from '../common/dom.js';

export function renderClaims(list, claims, onTest) {
  list.replaceChildren(...claims.map(
      (claim) => el('li', {className: 'claim', dataset: {claim: claim.id}}, [
        el('p', {className: 'claim-text', text: claim.text}),
        el('p', {className: 'claim-actions'},
           [
             el('button', {
               type: 'button',
               className: 'secondary claim-test',
               text: claim.study.kind === 'look' ? 'Show it' : 'Test it',
               onclick: () => onTest(claim)
             }),
             el('span', {
               className: 'claim-verdict',
               dataset: {verdict: claim.study.kind === 'look' ? 'not measured' : ''},
               text: claim.study.kind === 'look' ? 'not measured: look at the panels' :
                                                   'not run yet'
             }),
           ]),
        el('p', {className: 'claim-scope', text: claim.scope}),
      ])));
}
