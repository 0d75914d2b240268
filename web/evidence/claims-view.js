// The claims list: each claim with a button that runs its study (or, for a claim that is a
// shape rather than a number, loads its experiment), the verdict once measured, and what the
// setting can and cannot show, and a link to the page with the claim's study and settings.
import {el} from '../common/dom.js';

/** hrefOf(claim): the page's URL of the claim's settings with its study. */
export function renderClaims(list, claims, onTest, hrefOf) {
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
             el('a', {
               className: 'claim-link',
               href: hrefOf(claim),
               text: 'link',
               'aria-label': `A link to this claim's study: ${claim.text}`
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
