import type { Diagnostic, Localized, RuleDefinition, Severity } from '@litsynth/common';

const ruleList = [
  {
    id: 'concepts-invalid',
    name: { nb: 'Ugyldig begrep eller teori', en: 'Invalid concept or theory' },
    severity: 'error',
    description: {
      nb: 'concepts.yaml er ikke gyldig YAML, eller en teori eller et begrep mangler et påkrevd felt; det hoppes over.',
      en: 'concepts.yaml is not valid YAML, or a theory or concept lacks a required field; it is skipped.',
    },
    example: '- id: empathy\n  terms: [empati]   # label og definition mangler',
  },
  {
    id: 'concepts-duplicate-id',
    name: { nb: 'Samme begreps-id to ganger', en: 'Concept id used twice' },
    severity: 'error',
    description: {
      nb: 'To begreper (eller to teorier) har samme id; det siste hoppes over.',
      en: 'Two concepts (or two theories) have the same id; the later one is skipped.',
    },
    example: '- id: trust\n…\n- id: trust',
  },
  {
    id: 'concepts-unknown-field',
    name: { nb: 'Ukjent felt i begrepsfilen', en: 'Unknown field in the concepts file' },
    severity: 'warning',
    description: {
      nb: 'Et felt i concepts.yaml er ukjent (ofte en skrivefeil); det ignoreres.',
      en: 'A field in concepts.yaml is unknown (often a typo); it is ignored.',
    },
    example: '  defintion: { nb: …, en: … }',
  },
  {
    id: 'concepts-unknown-source',
    name: { nb: 'Begrepets kilde finnes ikke', en: 'Unknown source of a concept' },
    severity: 'warning',
    description: {
      nb: 'Kilden til et begrep eller en teori finnes ikke i studiens litteraturliste.',
      en: 'The source of a concept or theory is not in the study bibliography.',
    },
    example: '  source: eide2005   # litteraturlisten har eideeide2005',
  },
  {
    id: 'concepts-no-terms',
    name: { nb: 'Begrep uten ordformer', en: 'Concept without word forms' },
    severity: 'warning',
    description: {
      nb: 'Et begrep har ingen ordformer (terms), så drøftingskartet finner det ikke i teksten; begrepet er med i matrisen likevel.',
      en: 'A concept has no word forms (terms), so the discussion map cannot find it in the text; the concept is still in the matrix.',
    },
    example: '- id: empathy\n  label: Empati\n  definition: …   # ingen terms',
  },
  {
    id: 'coding-invalid',
    name: { nb: 'Ugyldig kobling', en: 'Invalid link' },
    severity: 'error',
    description: {
      nb: 'coding.yaml er ikke gyldig YAML, eller en kobling mangler begrep eller relasjon; koblingen hoppes over.',
      en: 'coding.yaml is not valid YAML, or a link lacks its concept or relation; the link is skipped.',
    },
    example: 'natland2019-tillit:\n  - relation: supports   # concept mangler',
  },
  {
    id: 'coding-invalid-relation',
    name: { nb: 'Ukjent relasjon', en: 'Unknown relation' },
    severity: 'error',
    description: {
      nb: 'Relasjonen i en kobling er ikke støtter (supports), nyanserer (nuances) eller motsier (contradicts, utfordrer); koblingen hoppes over.',
      en: 'The relation of a link is not supports (støtter), nuances (nyanserer) or contradicts (motsier, utfordrer); the link is skipped.',
    },
    example: '  - { concept: trust, relation: bekrefter }',
  },
  {
    id: 'coding-unknown-field',
    name: { nb: 'Ukjent felt i kodingen', en: 'Unknown field in the coding' },
    severity: 'warning',
    description: {
      nb: 'Et felt i en kobling i coding.yaml er ukjent (ofte en skrivefeil); det ignoreres.',
      en: 'A field of a link in coding.yaml is unknown (often a typo); it is ignored.',
    },
    example: '  - { concept: trust, relation: supports, notat: … }',
  },
] as const satisfies readonly RuleDefinition[];

/** The id of a concept framework or coding rule (these, and matrix's coding-unknown-* rules). */
export type FrameworkRuleId =
  | (typeof ruleList)[number]['id']
  | 'coding-unknown-finding'
  | 'coding-unknown-concept'
  | 'coding-duplicate-link';

/**
 * The rules of the concept framework and coding loaders. The loaders also emit matrix's
 * `coding-unknown-finding`, `coding-unknown-concept` and `coding-duplicate-link` (see matrixRules).
 */
export const frameworkRules: RuleDefinition[] = [...ruleList];

const severityOf: Record<FrameworkRuleId, Severity> = {
  ...(Object.fromEntries(ruleList.map((rule) => [rule.id, rule.severity])) as Record<(typeof ruleList)[number]['id'], Severity>),
  'coding-unknown-finding': 'error',
  'coding-unknown-concept': 'error',
  'coding-duplicate-link': 'warning',
};

/** Builds a diagnostic of a framework rule at a place in a file. */
export function frameworkDiagnostic(
  rule: FrameworkRuleId,
  place: { file: string; line: number; column: number },
  message: Localized,
  extra: Partial<Pick<Diagnostic, 'key' | 'raw' | 'suggestion'>> = {},
): Diagnostic {
  return { rule, severity: severityOf[rule], message, ...place, ...extra };
}
