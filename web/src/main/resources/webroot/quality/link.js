// On the records page, a way from a record to its quality review, shown to reviewers only.
import { el } from '/lib/dom.js';

let reviewer = null;

/** Adds "Evaluate this record" to `container` when the signed-in staff member may review quality. */
export async function mountReviewLink(container, recordId) {
  if (reviewer === null) {
    try {
      const response = await fetch('/api/quality/access', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
      reviewer = response.ok && (await response.json()).reviewer === true;
    } catch (e) {
      reviewer = false;
    }
  }
  if (reviewer) container.append(el('p', {}, el('a', { href: '/review.html#record=' + encodeURIComponent(recordId) }, 'Evaluate this record')));
}
