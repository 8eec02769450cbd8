import { closestName, type Diagnostic, type Localized } from '@litsynth/common';
import type { YamlDocument } from '@litsynth/common/yaml-document';
import { recordDiagnostic } from './rules.js';
import schema from '../schema/source-record.schema.json' with { type: 'json' };
import validator from '#record-validator';

/** A JSON Schema, as far as the messages need to read it. */
interface SchemaNode {
  type?: string | string[];
  description?: string;
  enum?: unknown[];
  pattern?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  $ref?: string;
  definitions?: Record<string, SchemaNode>;
}

// The schema file is the single definition of the frontmatter: editors read it for completion,
// and the same file validates here, so the two cannot drift apart. It sits one folder above
// both src/ and dist/.
/** The JSON Schema of the source record frontmatter (packages/sources/schema/source-record.schema.json). */
export const sourceRecordSchema: Record<string, unknown> = schema;

// The validator of the schema. The build precompiles it (Ajv standalone code, see
// generate-validator.ts) into dist/source-record-validator.cjs, because compiling the schema at
// every start was most of the start-up time of `litsynth check`. `#record-validator` (package.json
// "imports") is that file, or, when running from the TypeScript sources, the schema compiled at
// load (compile-record-validator.ts). A static import, so that the module has no top-level await
// and can be bundled as CommonJS (the CLI's code-cached core, docs/decisions/cli-bundle.md).
/** The outcome of validating a frontmatter: its diagnostics and whether the record can be built. */
export interface FrontmatterValidation {
  diagnostics: Diagnostic[];
  /** False when a required field is missing or a field has a wrong type or value. */
  usable: boolean;
}

/**
 * Validates parsed frontmatter against the source record schema and turns each problem into a
 * diagnostic at the line of the field, saying what was expected.
 */
export function validateFrontmatter(
  data: unknown,
  context: { file: string; yaml: YamlDocument },
): FrontmatterValidation {
  const validate = validator;
  if (validate(data)) return { diagnostics: [], usable: true };
  const diagnostics: Diagnostic[] = [];
  let usable = true;
  for (const error of validate.errors ?? []) {
    const path = pathOf(error.instancePath);
    if (error.keyword === 'additionalProperties') {
      const name = String(error.params['additionalProperty']);
      const allowed = Object.keys((error.parentSchema as SchemaNode | undefined)?.properties ?? {});
      const closest = closestName(name, allowed);
      const where = path.length > 0 ? formatPath(path) : 'frontmatter';
      diagnostics.push(
        recordDiagnostic(
          'source-record-unknown-field',
          {
            file: context.file,
            ...context.yaml.placeOf([...path, name], 'key'),
          },
          {
            nb: `Ukjent felt «${name}» i ${where}; det ignoreres.${closest ? ` Mente du «${closest}»?` : ''}`,
            en: `Unknown field "${name}" in ${where}; it is ignored.${closest ? ` Did you mean "${closest}"?` : ''}`,
          },
          closest ? { suggestion: { nb: `Skriv «${closest}».`, en: `Write "${closest}".` } } : {},
        ),
      );
      continue;
    }
    usable = false;
    if (error.keyword === 'required') {
      const name = String(error.params['missingProperty']);
      const fieldSchema = resolve(
        (error.parentSchema as SchemaNode | undefined)?.properties?.[name],
      );
      const expected = expectation(fieldSchema);
      const field = formatPath([...path, name]);
      diagnostics.push(
        recordDiagnostic(
          'source-record-missing-field',
          { file: context.file, ...context.yaml.placeOf(path, 'key') },
          {
            nb: `Påkrevd felt «${field}» mangler; forventet ${expected.nb}.`,
            en: `Missing required field "${field}"; expected ${expected.en}.`,
          },
        ),
      );
      continue;
    }
    const fieldSchema = resolve(error.parentSchema as SchemaNode | undefined);
    const expected = expectation(fieldSchema);
    const field = path.length > 0 ? formatPath(path) : 'frontmatter';
    const found = describeValue(error.data);
    const closest =
      fieldSchema?.enum && typeof error.data === 'string'
        ? closestValue(error.data, fieldSchema.enum.map(String))
        : undefined;
    diagnostics.push(
      recordDiagnostic(
        'source-record-invalid-field',
        { file: context.file, ...context.yaml.placeOf(path) },
        {
          nb: `«${field}» er ${found.nb}; forventet ${expected.nb}.${closest ? ` Mente du «${closest}»?` : ''}`,
          en: `"${field}" is ${found.en}; expected ${expected.en}.${closest ? ` Did you mean "${closest}"?` : ''}`,
        },
        closest ? { suggestion: { nb: `Skriv «${closest}».`, en: `Write "${closest}".` } } : {},
      ),
    );
  }
  return { diagnostics: dropRepeats(diagnostics), usable };
}

/** "/characteristics/aim" → ["characteristics", "aim"]; array indexes become numbers. */
function pathOf(instancePath: string): Array<string | number> {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function formatPath(path: ReadonlyArray<string | number>): string {
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`,
    )
    .join('');
}

function resolve(schema: SchemaNode | undefined): SchemaNode | undefined {
  if (!schema?.$ref) return schema;
  const name = schema.$ref.replace('#/definitions/', '');
  return (sourceRecordSchema['definitions'] as Record<string, SchemaNode>)[name];
}

const commonValues = new Set(['article-journal', 'book', 'chapter', 'report', 'thesis', 'webpage']);

/** What a schema expects, in words. */
function expectation(schema: SchemaNode | undefined): Localized {
  if (!schema) return { nb: 'en gyldig verdi', en: 'a valid value' };
  const description = schema.description ? ` (${schema.description.replace(/\.$/, '')})` : '';
  if (schema.enum) {
    // A long list (the CSL types) is named by a few of its values; the schema has them all.
    const all = schema.enum.map((value) => String(value));
    const values =
      all.length > 8
        ? `${all.filter((value) => commonValues.has(value)).join(', ')}, …`
        : all.join(', ');
    return { nb: `én av: ${values}`, en: `one of: ${values}${description}` };
  }
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const localized =
    schema.properties?.['nb'] !== undefined && schema.properties['en'] !== undefined;
  if (localized && types.includes('string')) {
    const unknown = schema.description?.includes('unknown (ukjent)') === true;
    return {
      nb: `en tekst, eller tekst per språk ({ nb: … }, { en: … } eller begge; ett språk holder)${unknown ? ', eller ukjent' : ''}`,
      en: `text, or text per language ({ nb: … }, { en: … } or both; one language is enough)${description}`,
    };
  }
  if (types.includes('array')) return { nb: 'en liste', en: `a list${description}` };
  if (types.includes('object'))
    return { nb: 'et objekt med felter', en: `an object with fields${description}` };
  if (schema.pattern)
    return {
      nb: `tekst på formen ${schema.pattern}`,
      en: `text of the form ${schema.pattern}${description}`,
    };
  if (types.includes('string'))
    return { nb: 'en tekst som ikke er tom', en: `non-empty text${description}` };
  if (types.includes('integer') || types.includes('number'))
    return { nb: 'et tall', en: `a number${description}` };
  return { nb: 'en gyldig verdi', en: `a valid value${description}` };
}

function describeValue(value: unknown): Localized {
  if (value === null || value === undefined) return { nb: 'tomt', en: 'empty' };
  if (Array.isArray(value)) return { nb: 'en liste', en: 'a list' };
  if (typeof value === 'object') return { nb: 'et objekt', en: 'an object' };
  if (typeof value === 'string')
    return value === ''
      ? { nb: 'tom tekst', en: 'empty text' }
      : { nb: `«${value}»`, en: `"${value}"` };
  return { nb: String(value), en: String(value) };
}

/** The allowed value closest to a wrong one: at most two edits away, or the only one containing it. */
function closestValue(value: string, allowed: readonly string[]): string | undefined {
  const near = closestName(value, allowed);
  if (near) return near;
  const containing = allowed.filter((candidate) => candidate.includes(value.toLowerCase()));
  return containing.length === 1 ? containing[0] : undefined;
}

// A value can break two keywords at once (a number where a pattern is expected); one message each place.
function dropRepeats(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((diagnostic) => {
    const key = `${diagnostic.rule}:${diagnostic.line}:${diagnostic.column}:${diagnostic.message.en}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
