/**
 * The Ajv options of the source record validator, shared by the build step that precompiles it
 * and by the run-time compile used when running from the TypeScript sources.
 * allErrors: report every problem, not the first; verbose: errors carry the schema and the value,
 * which the messages read; inlineRefs false: the shared definitions (dates, names) become one
 * function each instead of a copy at every use, which halves the generated code.
 */
export const validatorOptions = {
  allErrors: true,
  verbose: true,
  allowUnionTypes: true,
  strict: true,
  inlineRefs: false,
} as const;
