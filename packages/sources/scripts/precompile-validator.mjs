#!/usr/bin/env node
// Build step: writes dist/source-record-validator.cjs, the source record validator precompiled
// from the JSON Schema, so that `litsynth check` never loads or runs Ajv's compiler (0.3–0.7 s of
// CPU at every start). Runs after tsc, from the compiled generator in dist/.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const { precompiledValidatorFile, standaloneValidatorCode } = await import(
  '../dist/generate-validator.js'
);
const target = fileURLToPath(new URL(`../dist/${precompiledValidatorFile}`, import.meta.url));
writeFileSync(target, standaloneValidatorCode());
