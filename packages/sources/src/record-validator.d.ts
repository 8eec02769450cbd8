// The type of `#record-validator` (package.json "imports"): the source record validator, either
// precompiled by the build (dist/source-record-validator.cjs) or compiled from the schema when
// running from the sources (compile-record-validator.ts).
import type { ValidateFunction } from 'ajv';

declare const validate: ValidateFunction;
export default validate;
