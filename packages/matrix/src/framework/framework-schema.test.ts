import { access, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// The JSON Schemas let editors complete concepts.yaml and coding.yaml; these tests keep them in
// step with the loaders: the real study and every case of the case table.
const load = async (name: string): Promise<object> =>
  JSON.parse(await readFile(new URL(name, import.meta.url), 'utf8')) as object;
const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, strict: true });
const validateConcepts = ajv.compile(await load('./concepts.schema.json'));
const validateCoding = ajv.compile(await load('./coding.schema.json'));
const study = new URL('../../../../studies/nav-relasjon/', import.meta.url);

interface SchemaCase {
  name: string;
  text: string;
  schemaValid?: boolean;
}
const cases = parse(await readFile(new URL('./framework-cases.yaml', import.meta.url), 'utf8')) as {
  concepts: SchemaCase[];
  coding: { cases: SchemaCase[] };
};

describe('concepts.schema.json and coding.schema.json', () => {
  it('accept the concept framework and the coding of the NAV study', async () => {
    const concepts: unknown = parse(await readFile(new URL('concepts.yaml', study), 'utf8'));
    const coding: unknown = parse(await readFile(new URL('coding.yaml', study), 'utf8'));
    expect([validateConcepts(concepts), validateConcepts.errors ?? null]).toEqual([true, null]);
    expect([validateCoding(coding), validateCoding.errors ?? null]).toEqual([true, null]);
  });

  it("are where the study files' yaml-language-server comments point", async () => {
    for (const [file, schema] of [
      ['concepts.yaml', 'concepts.schema.json'],
      ['coding.yaml', 'coding.schema.json'],
    ] as const) {
      const modeline =
        /# yaml-language-server: \$schema=(\S+)/.exec(
          await readFile(new URL(file, study), 'utf8'),
        )?.[1] ?? '';
      expect(fileURLToPath(new URL(modeline, study))).toBe(
        fileURLToPath(new URL(`./${schema}`, import.meta.url)),
      );
      await expect(access(new URL(modeline, study))).resolves.toBeUndefined();
    }
  });

  it.each(cases.concepts.filter((testCase) => testCase.schemaValid !== undefined))(
    'concepts: $name',
    (testCase) => {
      expect(validateConcepts(parse(testCase.text, { uniqueKeys: false }))).toBe(
        testCase.schemaValid,
      );
    },
  );

  it.each(cases.coding.cases.filter((testCase) => testCase.schemaValid !== undefined))(
    'coding: $name',
    (testCase) => {
      expect(validateCoding(parse(testCase.text, { uniqueKeys: false }))).toBe(
        testCase.schemaValid,
      );
    },
  );
});

describe('docs/rules.md', () => {
  it('documents every concept framework and coding rule with its default severity', async () => {
    const { frameworkRules } = await import('./rules.js');
    const doc = await readFile(new URL('../../../../docs/rules.md', import.meta.url), 'utf8');
    expect(
      frameworkRules
        .filter((rule) => !doc.includes(`| \`${rule.id}\` | ${rule.severity} |`))
        .map((rule) => rule.id),
    ).toEqual([]);
  });
});
