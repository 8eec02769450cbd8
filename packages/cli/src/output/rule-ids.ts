// The packages are imported here only when a study sets rules: most studies set none, and the
// matrix package is not otherwise needed by the check.

/**
 * Every rule id a study may set, for finding settings that name no rule: the check's, the loaders'
 * (study, bibliography, records), and (only when a setting names none of those) the matrix's.
 * Empty when the study sets no rules.
 */
export async function knownRuleIds(settings: readonly string[]): Promise<string[]> {
  if (settings.length === 0) return [];
  const [{ checkRules }, { studyRules }, { bibliographyRules }, { recordRules }] = await Promise.all([
    import('@litsynth/check'),
    import('@litsynth/study'),
    import('@litsynth/bibliography'),
    import('@litsynth/sources'),
  ]);
  const known = [...checkRules, ...studyRules, ...bibliographyRules, ...recordRules].map((rule) => rule.id);
  if (settings.every((id) => known.includes(id))) return known;
  const { frameworkRules, matrixRules } = await import('@litsynth/matrix');
  return [...known, ...[...frameworkRules, ...matrixRules].map((rule) => rule.id)];
}
