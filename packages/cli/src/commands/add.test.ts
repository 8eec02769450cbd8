import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BibEntry } from '@litsynth/bibliography';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { includeInStudy, recordSkeleton } from './add.js';

/** Writes a study.yaml, lists the ids under included, and gives what was done and the text after. */
async function include(text: string, ids: string[]) {
  const dir = await mkdtemp(join(tmpdir(), 'litsynth-add-'));
  const configFile = join(dir, 'study.yaml');
  await writeFile(configFile, text);
  const result = await includeInStudy({ configFile, text, sourcesDir: join(dir, 'sources') }, ids);
  return { result, text: await readFile(configFile, 'utf8') };
}

const head = '# Studien.\nid: demo # kort\ntitle: Tillit\n';
const tail = '\n# Begrepene.\nconcepts: concepts.yaml\n';

describe('includeInStudy', () => {
  it('turns an empty list into one id a line, and leaves every other byte as it was', async () => {
    expect(
      await include(
        `${head}# De inkluderte artiklene.\nincluded: [] # fylles av litsynth add\n${tail}`,
        ['berg2021', 'dahl2020'],
      ),
    ).toEqual({
      result: { added: ['berg2021', 'dahl2020'], already: [] },
      text: `${head}# De inkluderte artiklene.\nincluded:\n  - berg2021\n  - dahl2020 # fylles av litsynth add\n${tail}`,
    });
  });

  it('adds to a block list with its indentation, and to a flow list inside its brackets', async () => {
    expect(
      await include(`${head}included:\n    - aas2019\n    # kommentar\n${tail}`, ['berg2021']),
    ).toEqual({
      result: { added: ['berg2021'], already: [] },
      text: `${head}included:\n    - aas2019\n    - berg2021\n    # kommentar\n${tail}`,
    });
    expect((await include(`${head}included: [aas2019]${tail}`, ['berg2021'])).text).toBe(
      `${head}included: [aas2019, berg2021]${tail}`,
    );
  });

  it('reads the Norwegian name of the field, an empty field, and a study.yaml without one', async () => {
    expect((await include(`${head}inkludert:\n${tail}`, ['berg2021'])).text).toBe(
      `${head}inkludert:\n  - berg2021\n${tail}`,
    );
    expect((await include(`${head}included: ~${tail}`, ['berg2021'])).text).toBe(
      `${head}included:\n  - berg2021${tail}`,
    );
    expect((await include(head, ['berg2021'])).text).toBe(`${head}included:\n  - berg2021\n`);
  });

  it('lists nothing twice and changes nothing it cannot change safely', async () => {
    const listed = `${head}included: [berg2021]\n`;
    expect(await include(listed, ['berg2021'])).toEqual({
      result: { added: [], already: ['berg2021'] },
      text: listed,
    });
    const odd = `${head}included: berg2021\n`;
    expect(await include(odd, ['dahl2020'])).toEqual({
      result: {
        added: [],
        already: [],
        refused: {
          nb: '«included» i study.yaml er ikke en liste. Før opp dahl2020 under included i study.yaml selv.',
          en: '"included" in study.yaml is not a list. List dahl2020 under included in study.yaml yourself.',
        },
      },
      text: odd,
    });
  });
});

describe('recordSkeleton', () => {
  const entry = (issued?: BibEntry['item']['issued']): BibEntry => ({
    id: 'riis',
    item: {
      id: 'riis',
      type: 'article-journal',
      title: 'Interaksjon med brukere',
      author: [{ family: 'Riis-Johansen' }, { family: 'Halvorsen' }, { family: 'Andenæs' }],
      ...(issued ? { issued } : {}),
    },
    origin: { file: 'artikler.bib', line: 7 },
  });
  const frontmatter = (text: string) =>
    parse(text.split('---\n')[1] ?? '') as { entry: { verification: unknown } };

  it('writes its verification note in both languages, whatever the study language', () => {
    const note = {
      nb: 'Laget med litsynth add fra artikler.bib (linje 7); ingen opplysning er ennå kontrollert mot artikkelen.',
      en: 'Created with litsynth add from artikler.bib (line 7); no field has been confirmed against the article yet.',
    };
    for (const lang of ['nb', 'en'] as const) {
      const record = recordSkeleton('riis', entry({ 'date-parts': [[2018]] }), 'artikler.bib', {
        sourcesDir: '/nowhere',
        lang,
      });
      expect(frontmatter(record).entry.verification).toEqual({
        status: 'unverified',
        evidence: [],
        notes: [note],
      });
    }
  });

  it('heads the record with the year, "u.å." only for an undated work, and the year as missing when it is not known', () => {
    const heading = (issued: BibEntry['item']['issued'] | undefined, lang: 'nb' | 'en') =>
      // The heading of the body, after the frontmatter.
      (
        recordSkeleton('riis', entry(issued), 'artikler.bib', {
          sourcesDir: '/nowhere',
          lang,
        }).split('---\n')[2] ?? ''
      )
        .split('\n')
        .find((line) => line.startsWith('# '));
    expect([
      heading({ 'date-parts': [[2018]] }, 'nb'),
      heading({ literal: 'u.å.' }, 'nb'),
      heading(undefined, 'nb'),
      heading(undefined, 'en'),
    ]).toEqual([
      '# Riis-Johansen mfl. (2018)',
      '# Riis-Johansen mfl. (u.å.)',
      '# Riis-Johansen mfl. (år mangler)',
      '# Riis-Johansen et al. (year missing)',
    ]);
  });
});
