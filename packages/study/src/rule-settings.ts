import { readTextFile, type Diagnostic } from '@litsynth/common';
import { join } from 'node:path';
import { studyFileName } from './load-study.js';
import { placeOfField } from './study-config.js';
import type { Study } from './types.js';

/** Closest known name by edit distance, for "did you mean". */
export function closest(id: string, known: readonly string[]): string | undefined {
  let best: { id: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = levenshtein(id, candidate);
    if (!best || distance < best.distance) best = { id: candidate, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(id.length / 3)) ? best.id : undefined;
}

function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1)));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * Diagnostics for rule settings in study.yaml that name no known rule (a typo silences nothing),
 * each at its line in study.yaml, with the closest known id suggested.
 */
export async function unknownRuleSettings(study: Study, known: readonly string[]): Promise<Diagnostic[]> {
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
