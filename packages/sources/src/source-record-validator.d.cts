// The types of dist/source-record-validator.cjs, which the build generates (scripts/precompile-validator.mjs).
import type { ValidateFunction } from 'ajv';

declare const validate: ValidateFunction;
export = validate;
