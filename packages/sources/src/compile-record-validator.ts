import { Ajv } from 'ajv';
import schema from '../schema/source-record.schema.json' with { type: 'json' };
import { validatorOptions } from './validator-options.js';

// `#record-validator` when running from the TypeScript sources (the unit tests, which need no
// build; the "source" condition of package.json's imports): the schema compiled here, with the
// options of the build's precompiled dist/source-record-validator.cjs. A test proves the two give
// the same errors.
export default new Ajv(validatorOptions).compile(schema);
