import { exitCodes, ruleDocsPath, ruleRegistry, type Lang } from '@litsynth/common';

/** What `litsynth rules` prints, by format. */
export interface RulesOptions {
  format: 'pretty' | 'json';
  lang: Lang;
}

const severityWords = {
  nb: { error: 'feil', warning: 'advarsel', info: 'info' },
  en: { error: 'error', warning: 'warning', info: 'info' },
} as const;

/** `litsynth rules`: every rule of the registry with its default severity and name; exit 0. */
export function rulesCommand(options: RulesOptions): number {
  process.stdout.write(
    options.format === 'json' ? rulesJson(options.lang) : rulesText(options.lang),
  );
  return exitCodes.ok;
}

/** The rules as JSON: id, scope, default severity, name, description and docs link in one language. */
export function rulesJson(lang: Lang): string {
  const rules = ruleRegistry.map((rule) => ({
    id: rule.id,
    scope: rule.scope,
    severity: rule.severity,
    name: rule.name[lang],
    description: rule.description[lang],
    docs: `docs/${ruleDocsPath(rule)}`,
  }));
  return `${JSON.stringify({ rules }, null, 2)}\n`;
}

/** The rules as aligned columns: id, default severity (in the language) and name. */
export function rulesText(lang: Lang): string {
  const idWidth = Math.max(...ruleRegistry.map((rule) => rule.id.length));
  const severityWidth = Math.max(...Object.values(severityWords[lang]).map((word) => word.length));
  return ruleRegistry
    .map(
      (rule) =>
        `${rule.id.padEnd(idWidth)}  ${severityWords[lang][rule.severity].padEnd(severityWidth)}  ${rule.name[lang]}\n`,
    )
    .join('');
}
