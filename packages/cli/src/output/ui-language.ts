import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '@litsynth/common';

/**
 * The language of what litsynth prints when nothing else decides it: the locale of the
 * environment. LC_ALL, else LC_MESSAGES, else LANG (the POSIX order): a locale of Norwegian
 * (nb, no, nn: `nb_NO.UTF-8`) gives Norwegian, another language (`en_US.UTF-8`, `de_DE`) gives
 * English, and no locale at all (unset, `C`, `POSIX`, `C.UTF-8`) gives Norwegian, litsynth's
 * first language.
 */
export function environmentLanguage(env: NodeJS.ProcessEnv = process.env): Lang {
  const locale =
    [env.LC_ALL, env.LC_MESSAGES, env.LANG].find(
      (value) => value !== undefined && value.trim() !== '',
    ) ?? '';
  if (/^(nb|no|nn)([_.@-]|$)/i.test(locale)) return 'nb';
  if (locale === '' || /^(c|posix)([_.@]|$)/i.test(locale)) return 'nb';
  return 'en';
}

/**
 * The language of the CLI's own words (help, usage errors, failures) for a command line:
 * `--lang`, else the `language` of a study folder named on the command line, else the
 * environment's (environmentLanguage). Commands that load a study decide the same way.
 */
export function commandLineLanguage(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Lang {
  const index = argv.indexOf('--lang');
  const given =
    index >= 0
      ? argv[index + 1]
      : argv.find((arg) => arg.startsWith('--lang='))?.slice('--lang='.length);
  if (given === 'nb' || given === 'en') return given;
  for (const arg of argv) {
    if (arg.startsWith('-')) continue;
    const language = studyLanguage(arg);
    if (language) return language;
  }
  return environmentLanguage(env);
}

/** The `language:` (or `språk:`) of the study.yaml in a folder, read cheaply; undefined when there is none. */
function studyLanguage(dir: string): Lang | undefined {
  try {
    if (!statSync(dir).isDirectory()) return undefined;
    const text = readFileSync(join(dir, 'study.yaml'), 'utf8');
    const match = /^(?:language|språk):\s*['"]?(nb|en)['"]?\s*(?:#.*)?$/m.exec(text);
    return match?.[1] as Lang | undefined;
  } catch {
    return undefined;
  }
}
