// The scorecard as a form: one fieldset per question with a radio group of its answers, grouped in
// sections. Answers go to the API as "yes", "no", "na", "1".."5" or "option:<id>".
import { el } from '/lib/dom.js';

const SEVERITY = { critical: 'Critical: a "no" zeroes this section.', fatal: 'Fatal: a "no" zeroes the whole evaluation.' };

function choices(q) {
  const list = q.kind === 'yesno' ? [['yes', 'Yes'], ['no', 'No']]
    : q.kind === 'scale' ? [1, 2, 3, 4, 5].map(n => [String(n), n + (n === 1 ? ' (poor)' : n === 5 ? ' (excellent)' : '')])
    : q.options.map(o => ['option:' + o.id, o.label]);
  if (q.allowsNotApplicable) list.push(['na', 'Not applicable']);
  return list;
}

/** Builds the questions into `container`; `answers` fills them in; `readOnly` shows them without letting them change. */
export function scorecardForm(container, definition, answers, readOnly) {
  container.replaceChildren();
  for (const section of definition.sections) {
    const set = el('fieldset', {}, el('legend', {}, section.title + ' (weight ' + section.weight + ')'));
    for (const q of section.questions) {
      const hintId = 'hint-' + q.id;
      const group = el('fieldset', { className: 'question', aria: SEVERITY[q.severity] ? { describedby: hintId } : {} },
        el('legend', {}, q.text));
      if (SEVERITY[q.severity]) group.append(el('p', { id: hintId, className: 'hint severity' }, SEVERITY[q.severity]));
      const row = el('div', { className: 'choices' });
      for (const [value, label] of choices(q)) {
        row.append(el('label', { className: 'inline' },
          el('input', { type: 'radio', name: 'q-' + q.id, value, checked: answers[q.id] === value, disabled: readOnly }), label));
      }
      group.append(row);
      set.append(group);
    }
    container.append(set);
  }
}

/** The answers chosen in the form, by question id. */
export function formAnswers(container, definition) {
  const out = {};
  for (const section of definition.sections) {
    for (const q of section.questions) {
      const chosen = container.querySelector('input[name="q-' + q.id + '"]:checked');
      if (chosen) out[q.id] = chosen.value;
    }
  }
  return out;
}

/** An answer as people read it. */
export function answerWording(definition, id, value) {
  if (value === undefined) return 'not answered';
  for (const section of definition.sections) {
    const q = section.questions.find(x => x.id === id);
    if (q) return (choices(q).find(([v]) => v === value) || [value, value])[1];
  }
  return value;
}
