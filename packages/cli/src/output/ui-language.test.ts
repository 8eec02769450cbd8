import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localizeCommanderError } from '../run-cli.js';
import { commandLineLanguage, environmentLanguage } from './ui-language.js';

describe('environmentLanguage', () => {
  it('speaks Norwegian for a Norwegian locale or none, English for any other language', () => {
    const cases: Array<[NodeJS.ProcessEnv, string]> = [
      [{ LANG: 'nb_NO.UTF-8' }, 'nb'],
      [{ LANG: 'nn_NO.UTF-8' }, 'nb'],
      [{ LANG: 'no_NO' }, 'nb'],
      [{ LANG: 'en_US.UTF-8' }, 'en'],
      [{ LANG: 'de_DE.UTF-8' }, 'en'],
      [{ LANG: 'C.UTF-8' }, 'nb'],
      [{ LANG: 'POSIX' }, 'nb'],
      [{}, 'nb'],
      // LC_ALL, then LC_MESSAGES, then LANG.
      [{ LC_ALL: 'en_GB.UTF-8', LANG: 'nb_NO.UTF-8' }, 'en'],
      [{ LC_MESSAGES: 'nb_NO.UTF-8', LANG: 'en_US.UTF-8' }, 'nb'],
      [{ LC_ALL: '', LANG: 'en_US.UTF-8' }, 'en'],
    ];
    expect(cases.map(([env]) => environmentLanguage(env))).toEqual(cases.map(([, lang]) => lang));
  });
});

describe('commandLineLanguage', () => {
  it('takes --lang first, then the language of a study folder named, then the environment', async () => {
    const study = await mkdtemp(join(tmpdir(), 'litsynth-lang-'));
    await writeFile(join(study, 'study.yaml'), 'id: x\nspråk: en # the thesis is in English\n');
    const norwegian = { LANG: 'nb_NO.UTF-8' };
    expect([
      commandLineLanguage(['build', study, '--lang', 'nb'], norwegian),
      commandLineLanguage(['build', study, '--lang=nb'], norwegian),
      commandLineLanguage(['build', study], norwegian),
      commandLineLanguage(['build', join(study, 'nowhere')], norwegian),
      commandLineLanguage(['init', 'new'], { LANG: 'en_US.UTF-8' }),
    ]).toEqual(['nb', 'nb', 'en', 'nb', 'en']);
  });
});

describe('localizeCommanderError', () => {
  it("says commander's usage errors as litsynth does, in the chosen language", () => {
    expect([
      localizeCommanderError("error: unknown option '--qiet'\n(Did you mean --quiet?)\n", 'nb'),
      localizeCommanderError("error: missing required argument 'studie'\n", 'nb'),
      localizeCommanderError(
        "error: option '--format <format>' argument 'xml' is invalid. Allowed choices are pretty, json.\n",
        'nb',
      ),
      localizeCommanderError(
        "error: too many arguments for 'check'. Expected 1 argument but got 2.\n",
        'en',
      ),
      localizeCommanderError("error: option '--out <dir>' argument missing\n", 'en'),
      localizeCommanderError('error: something new\n', 'nb'),
    ]).toEqual([
      'litsynth: ukjent valg «--qiet»\n(Mente du --quiet?)\n',
      'litsynth: argumentet <studie> mangler\n',
      'litsynth: «xml» er ikke en gyldig verdi for «--format <format>»; velg én av pretty, json\n',
      'litsynth: too many arguments for "check": expected 1, got 2\n',
      'litsynth: the option "--out <dir>" needs a value\n',
      'error: something new\n',
    ]);
  });
});
