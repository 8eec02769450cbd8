import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { standaloneValidatorCode } from './generate-validator.js';
import { sourceRecordSchema } from './validate-frontmatter.js';
import { validatorOptions } from './validator-options.js';

const sourcesDir = fileURLToPath(new URL('../../../sources/', import.meta.url));
const recordIds = ['natland2019', 'lundberg2013', 'stenbrenden2018', 'riisjohansen2018'];

/** Loads generated CommonJS code as the build's dist/source-record-validator.cjs is loaded. */
function loadGenerated(code: string): ValidateFunction {
  const module = { exports: {} as unknown };
  new Function('module', 'exports', 'require', code)(
    module,
    module.exports,
    createRequire(import.meta.url),
  );
  return module.exports as ValidateFunction;
}

/** What the diagnostics read from an error (validate-frontmatter.ts), nothing else. */
const used = ({ keyword, instancePath, params, data, parentSchema }: ErrorObject) => ({
  keyword,
  instancePath,
  params,
  data,
  parentSchema,
});

async function frontmatter(id: string): Promise<Record<string, unknown>> {
  const text = await readFile(`${sourcesDir}${id}.md`, 'utf8');
  return parseDocument(text.slice(4, text.indexOf('\n---\n', 4) + 1)).toJS() as Record<
    string,
    unknown
  >;
}

/** Real frontmatters and broken copies: every kind of error the messages handle. */
async function cases(): Promise<Array<{ name: string; data: unknown }>> {
  const result: Array<{ name: string; data: unknown }> = [];
  for (const id of recordIds) result.push({ name: id, data: await frontmatter(id) });
  // biome-ignore lint/suspicious/noExplicitAny: the broken copies change nested fields freely
  type Loose = Record<string, any>;
  const broken = (name: string, change: (data: Loose) => void) => {
    const data = structuredClone(result[0]!.data) as Loose;
    change(data);
    result.push({ name, data });
  };
  broken('missing id', (data) => delete data['id']);
  broken('missing entry.verification.status', (data) => delete data['entry'].verification.status);
  broken('missing characteristics.aim', (data) => delete data['characteristics'].aim);
  broken('id not matching the pattern', (data) => (data['id'] = 'Natland 2019'));
  broken('id a number', (data) => (data['id'] = 2019));
  broken('unknown top-level field', (data) => (data['notes'] = 'x'));
  broken('unknown entry field', (data) => (data['entry'].jornal = 'x'));
  broken('entry type not a CSL type', (data) => (data['entry'].type = 'journal-article'));
  broken('author a string', (data) => (data['entry'].author = 'Natland, S.'));
  broken(
    'author name with a wrong field',
    (data) => (data['entry'].author = [{ famly: 'Natland' }]),
  );
  broken('issued a string', (data) => (data['entry'].issued = '2019'));
  broken('peerReviewed a string', (data) => (data['characteristics'].peerReviewed = 'yes'));
  broken('aim with no language', (data) => (data['characteristics'].aim = {}));
  broken('frontmatter a list', (data) => Object.assign(data, { entry: [] }));
  result.push({ name: 'null', data: null }, { name: 'a string', data: 'id: x' });
  return result;
}

describe('the precompiled source record validator', () => {
  it('gives exactly the errors of the schema compiled at run time with the same options', async () => {
    const generated = loadGenerated(standaloneValidatorCode());
    const compiled = new Ajv(validatorOptions).compile(sourceRecordSchema);
    for (const { name, data } of await cases()) {
      const valid = generated(data);
      expect({ name, valid, errors: generated.errors ?? null }).toEqual({
        name,
        valid: compiled(data),
        errors: compiled.errors ?? null,
      });
    }
  });

  it('gives the errors of the schema compiled with inlined definitions, in what the messages read', async () => {
    const generated = loadGenerated(standaloneValidatorCode());
    const inlined = new Ajv({ ...validatorOptions, inlineRefs: true }).compile(sourceRecordSchema);
    const all = await cases();
    for (const { name, data } of all) {
      generated(data);
      inlined(data);
      expect({ name, errors: (generated.errors ?? []).map(used) }).toEqual({
        name,
        errors: (inlined.errors ?? []).map(used),
      });
    }
    // The cases do break the schema: only the four real records are valid.
    expect(all.filter(({ data }) => generated(data)).map(({ name }) => name)).toEqual(recordIds);
  });

  it('loads no schema compiler: the generated module requires only an Ajv run-time helper', () => {
    const requires = [...standaloneValidatorCode().matchAll(/require\("([^"]+)"\)/g)].map(
      (match) => match[1],
    );
    expect([...new Set(requires)]).toEqual(['ajv/dist/runtime/ucs2length']);
  });
});
