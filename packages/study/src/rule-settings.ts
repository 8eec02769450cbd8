import type { Diagnostic } from '@litsynth/common';
import type { StudyFile } from './load-study.js';
import { closest } from './study-config.js';

/**
 * Diagnostics for rule settings in study.yaml that name no known rule (a typo silences nothing),
 * each at its line in study.yaml, with the closest known id suggested.
 */
export function unknownRuleSettings(study: StudyFile, known: readonly string[]): Diagnostic[] {
  const unknown = Object.keys(study.config.rules).filter((id) => !known.includes(id));
  return unknown.map((id) => {
    const place = study.yaml.placeOf(['rules', id]);
    const near = closest(id, known);
    return {
      rule: 'unknown-rule-setting',
      severity: 'warning',
      message: {
        nb: `study.yaml setter regelen «${id}», men ingen regel heter det; innstillingen virker ikke.`,
        en: `study.yaml sets the rule "${id}", but no rule has that id; the setting has no effect.`,
      },
      file: study.file,
      line: place.line,
      column: place.column,
      raw: id,
      ...(near ? { suggestion: { nb: `Mente du «${near}»?`, en: `Did you mean "${near}"?` } } : {}),
    };
  });
}
