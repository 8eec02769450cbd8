import { Ajv } from 'ajv';
// A CommonJS module: its function is both module.exports (the default import) and its `default`.
import standalone from 'ajv/dist/standalone/index.js';
import schema from '../schema/source-record.schema.json' with { type: 'json' };
import { validatorOptions } from './validator-options.js';

/** The file name of the precompiled validator, next to the compiled `validate-frontmatter.js` in dist/. */
export const precompiledValidatorFile = 'source-record-validator.cjs';

/**
 * The source of a CommonJS module exporting the source record validator, precompiled from the
 * schema with Ajv's standalone code generation, so that run time needs no schema compiler.
 */
export function standaloneValidatorCode(): string {
  const ajv = new Ajv({ ...validatorOptions, code: { source: true } });
  const header =
    '// Generated at build time from schema/source-record.schema.json by scripts/precompile-validator.mjs; do not edit.\n';
  return header + standalone.default(ajv, ajv.compile(schema));
}
