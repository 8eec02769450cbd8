import type { Diagnostic, Localized, RuleDefinition, Severity } from '@litsynth/common';

const ruleList = [
  {
    id: 'source-record-frontmatter',
    name: { nb: 'Kildepost uten gyldig frontmatter', en: 'Record without valid frontmatter' },
    severity: 'error',
    description: {
      nb: 'Posten mangler YAML-frontmatter (mellom to linjer med ---) eller frontmatteren er ikke gyldig YAML.',
      en: 'The record has no YAML frontmatter (between two --- lines), or the frontmatter is not valid YAML.',
    },
    example: '---\nid: natland2019\nentry: { title: "Uten slutt }\n---',
  },
  {
    id: 'source-record-missing-field',
    name: { nb: 'Felt mangler i kildeposten', en: 'Missing field in a record' },
    severity: 'error',
    description: {
      nb: 'Et påkrevd felt mangler i frontmatteren; posten bygges ikke.',
      en: 'A required field is missing from the frontmatter; the record is not built.',
    },
    example: 'characteristics:\n  design: { nb: Kvalitativ, en: Qualitative }   # aim mangler',
  },
  {
    id: 'source-record-invalid-field',
    name: { nb: 'Ugyldig felt i kildeposten', en: 'Invalid field in a record' },
    severity: 'error',
    description: {
      nb: 'Et felt i frontmatteren har feil type eller en verdi som ikke er tillatt; posten bygges ikke.',
      en: 'A frontmatter field has the wrong type or a value that is not allowed; the record is not built.',
    },
    example: 'peerReviewed: kanskje',
  },
  {
    id: 'source-record-unknown-field',
    name: { nb: 'Ukjent felt i kildeposten', en: 'Unknown field in a record' },
    severity: 'warning',
    description: {
      nb: 'Et felt i frontmatteren er ukjent (ofte en skrivefeil); feltet ignoreres.',
      en: 'A frontmatter field is unknown (often a typo); the field is ignored.',
    },
    example: 'entry:\n  titel: Sterke møter',
  },
  {
    id: 'source-record-id-mismatch',
    name: { nb: 'Kildepostens id og filnavn er ulike', en: 'Record id differs from the file name' },
    severity: 'warning',
    description: {
      nb: 'Postens id er ikke den samme som filnavnet; da er posten vanskelig å finne.',
      en: 'The record id differs from its file name, which makes the record hard to find.',
    },
    example: 'sources/natland2019.md med id: natland2020',
  },
  {
    id: 'source-record-duplicate-id',
    name: { nb: 'To kildeposter med samme id', en: 'Two records with one id' },
    severity: 'error',
    description: {
      nb: 'To poster har samme id; den siste hoppes over.',
      en: 'Two records have the same id; the later one is skipped.',
    },
    example: 'sources/a.md og sources/b.md med id: natland2019',
  },
  {
    id: 'source-record-missing-record',
    name: { nb: 'Inkludert artikkel uten kildepost', en: 'Included article without a record' },
    severity: 'error',
    description: {
      nb: 'En inkludert artikkel har ingen post i kildemappen.',
      en: 'An included article has no record in the sources folder.',
    },
    example: 'included: [natland2019] uten sources/natland2019.md',
  },
  {
    id: 'source-record-no-findings',
    name: { nb: 'Kildepost uten funn', en: 'Record without findings' },
    severity: 'warning',
    description: {
      nb: 'Posten har ingen funn (ingen «## Funn»-seksjon med «### … {#id}»-overskrifter).',
      en: 'The record has no findings (no "## Findings" section with "### … {#id}" headings).',
    },
    example: '# Natland (2019)\n\nBare fritekst.',
  },
  {
    id: 'source-record-finding-id',
    name: { nb: 'Funn uten gyldig id', en: 'Finding without a valid id' },
    severity: 'error',
    description: {
      nb: 'En funnoverskrift mangler id ({#post-navn}) eller har en ugyldig id; funnet hoppes over.',
      en: 'A finding heading has no id ({#record-name}) or an invalid one; the finding is skipped.',
    },
    example: '### Tillit | Trust',
  },
  {
    id: 'source-record-duplicate-finding-id',
    name: { nb: 'To funn med samme id', en: 'Two findings with one id' },
    severity: 'error',
    description: {
      nb: 'To funn har samme id; det siste hoppes over.',
      en: 'Two findings have the same id; the later one is skipped.',
    },
    example: '### A | A {#natland2019-tillit}\n…\n### B | B {#natland2019-tillit}',
  },
  {
    id: 'source-record-finding-statement',
    name: { nb: 'Funn uten utsagn', en: 'Finding without a statement' },
    severity: 'error',
    description: {
      nb: 'Et funn har ikke noe utsagn, verken på norsk (nb:) eller engelsk (en:); funnet hoppes over. Ett språk holder.',
      en: 'A finding has no statement, neither in Norwegian (nb:) nor in English (en:); the finding is skipped. One language is enough.',
    },
    example: '### Tillit {#natland2019-tillit}\n\nTillit var viktig.   # uten «nb:» foran',
  },
  {
    id: 'source-record-unexpected-content',
    name: { nb: 'Uventet innhold i et funn', en: 'Unexpected content in a finding' },
    severity: 'warning',
    description: {
      nb: 'Innhold i et funn som ikke er nb:/en:-utsagn eller sitat (blockquote); det ignoreres.',
      en: 'Content in a finding that is neither an nb:/en: statement nor a quotation (blockquote); it is ignored.',
    },
    example: '### Tillit | Trust {#natland2019-tillit}\n\n- en løs liste',
  },
] as const satisfies readonly RuleDefinition[];

/** The id of one of the record rules. */
export type RecordRuleId = (typeof ruleList)[number]['id'];

/** The rules of source records: one id per kind of problem, never renamed once released. */
export const recordRules: RuleDefinition[] = [...ruleList];

const severityOf = new Map<string, Severity>(ruleList.map((rule) => [rule.id, rule.severity]));

/** Builds a diagnostic of a record rule at a place in a file. */
export function recordDiagnostic(
  rule: RecordRuleId,
  place: { file: string; line: number; column: number },
  message: Localized,
  extra: Partial<Pick<Diagnostic, 'key' | 'raw' | 'suggestion'>> = {},
): Diagnostic {
  return { rule, severity: severityOf.get(rule) ?? 'error', message, ...place, ...extra };
}
