import { access, readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { parseSourceRecord } from './parse-source-record.js';
import { sourceRecordSchema } from './validate-frontmatter.js';

const sourcesDir = fileURLToPath(new URL('../../../sources/', import.meta.url));
const recordIds = ['natland2019', 'lundberg2013', 'stenbrenden2018', 'riisjohansen2018'];

interface ObjectSchema {
  required?: string[];
  enum?: unknown[];
  properties?: Record<string, ObjectSchema>;
}
const schema = sourceRecordSchema as ObjectSchema;
const property = (path: string[]): ObjectSchema =>
  path.reduce<ObjectSchema>((node, key) => node.properties?.[key] ?? {}, schema);

/** Splits a record into its frontmatter YAML and the rest. */
function splitRecord(text: string): { yaml: string; body: string } {
  const end = text.indexOf('\n---\n', 4);
  return { yaml: text.slice(4, end + 1), body: text.slice(end + 5) };
}

async function realRecord(id: string): Promise<string> {
  return readFile(`${sourcesDir}${id}.md`, 'utf8');
}

/** Every required field the schema names, as a path ("characteristics", "aim"). */
function requiredPaths(node: ObjectSchema = schema, prefix: string[] = []): string[][] {
  const paths: string[][] = [];
  for (const key of node.required ?? []) {
    paths.push([...prefix, key]);
    const child = node.properties?.[key];
    if (child?.properties && !('nb' in child.properties))
      paths.push(...requiredPaths(child, [...prefix, key]));
  }
  return paths;
}

describe('the source record schema and the validator', () => {
  it('compiles as a strict draft-07 schema and accepts the frontmatter of the four real records', async () => {
    const validate = new Ajv({ allErrors: true, allowUnionTypes: true, strict: true }).compile(
      sourceRecordSchema,
    );
    for (const id of recordIds) {
      const data = parseDocument(splitRecord(await realRecord(id)).yaml).toJS();
      expect({ id, valid: validate(data), errors: validate.errors ?? null }).toEqual({
        id,
        valid: true,
        errors: null,
      });
    }
  });

  it('refuses a record without each field the schema requires, naming that field', async () => {
    const text = await realRecord('natland2019');
    const { yaml, body } = splitRecord(text);
    const paths = requiredPaths();
    expect(paths.map((path) => path.join('.'))).toEqual([
      'id',
      'entry',
      'entry.type',
      'entry.title',
      'entry.verification',
      'entry.verification.status',
      'entry.verification.evidence',
      'entry.verification.notes',
      'characteristics',
      'characteristics.aim',
      'characteristics.design',
      'characteristics.dataCollection',
      'characteristics.participants',
      'characteristics.setting',
      'characteristics.country',
      'characteristics.peerReviewed',
    ]);
    for (const path of paths) {
      const doc = parseDocument(yaml);
      doc.deleteIn(path);
      const result = await parseSourceRecord(`---\n${String(doc)}---\n${body}`, 'natland2019.md');
      const missing = result.diagnostics
        .filter((d) => d.rule === 'source-record-missing-field')
        .map((d) => d.message.en.split(';')[0]);
      expect({ path: path.join('.'), built: result.record !== undefined, missing }).toEqual({
        path: path.join('.'),
        built: false,
        missing: [`Missing required field "${path.join('.')}"`],
      });
    }
  });

  it('refuses a value outside each enumeration of the schema, naming the field', async () => {
    const { yaml, body } = splitRecord(await realRecord('lundberg2013'));
    const enumerated = [
      ['entry', 'type'],
      ['entry', 'verification', 'status'],
      ['characteristics', 'peerReviewed'],
    ];
    for (const path of enumerated) {
      expect(property(path).enum?.length).toBeGreaterThan(1);
      const doc = parseDocument(yaml);
      doc.setIn(path, 'not-a-value');
      const result = await parseSourceRecord(`---\n${String(doc)}---\n${body}`, 'lundberg2013.md');
      expect(result.record).toBeUndefined();
      expect(result.diagnostics.map((d) => `${d.rule} ${d.message.en.split(' is ')[0]}`)).toEqual([
        `source-record-invalid-field "${path.join('.')}"`,
      ]);
    }
  });

  it("is where the records' yaml-language-server comment points, so editors find it", async () => {
    for (const id of recordIds) {
      const modeline = /# yaml-language-server: \$schema=(\S+)/.exec(await realRecord(id))?.[1];
      expect(modeline).toBe('../packages/sources/schema/source-record.schema.json');
      await expect(
        access(resolve(dirname(`${sourcesDir}${id}.md`), modeline ?? '')),
      ).resolves.toBeUndefined();
    }
  });

  it('describes exactly the characteristics that records carry', async () => {
    const { record } = await parseSourceRecord(
      await realRecord('stenbrenden2018'),
      'stenbrenden2018.md',
    );
    const fromSchema = Object.keys(property(['characteristics']).properties ?? {}).sort();
    const fromRecord = Object.keys(record?.characteristics ?? {})
      .filter((key) => key !== 'unknown')
      .sort();
    expect(fromRecord).toEqual(fromSchema);
  });
});
