import { readTextFile, type Diagnostic } from '@litsynth/common';
import { join } from 'pathe';
import { studyFileName } from './load-study.js';
import { closest, placeOfField } from './study-config.js';
import type { Study } from './types.js';

/**
 * Diagnostics for rule settings in study.yaml that name no known rule (a typo silences nothing),
 * each at its line in study.yaml, with the closest known id suggested.
 */
export async function unknownRuleSettings(
  study: Study,
  known: readonly string[],
): Promise<Diagnostic[]> {
  const unknown = Object.keys(study.config.rules).filter((id) => !known.includes(id));
  if (unknown.length === 0) return [];
  const file = join(study.dir, studyFileName);
  const { text } = await readTextFile(file, { role: 'study file' });
  return unknown.map((id) => {
    const place = placeOfField(text, ['rules', id]);
    const near = closest(id, known);
    return {
      rule: 'unknown-rule-setting',
      severity: 'warning',
      message: {
        nb: `study.yaml setter regelen «${id}», men ingen regel heter det; innstillingen virker ikke.`,
        en: `study.yaml sets the rule "${id}", but no rule has that id; the setting has no effect.`,
      },
      file,
      line: place.line,
      column: place.column,
      raw: id,
      ...(near ? { suggestion: { nb: `Mente du «${near}»?`, en: `Did you mean "${near}"?` } } : {}),
    };
  });
}
