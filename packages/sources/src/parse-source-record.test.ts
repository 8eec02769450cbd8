import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import {
  frontmatterOf,
  parseSourceRecord,
  parseSourceRecordFrontmatter,
} from './parse-source-record.js';

const sourcesDir = fileURLToPath(new URL('../../../sources/', import.meta.url));

describe('parseSourceRecord', () => {
  it('parses the Riis-Johansen et al. record into its whole value', async () => {
    const text = await readFile(`${sourcesDir}riisjohansen2018.md`, 'utf8');
    expect(await parseSourceRecord(text, 'sources/riisjohansen2018.md')).toMatchInlineSnapshot(`
      {
        "diagnostics": [],
        "record": {
          "characteristics": {
            "aim": {
              "en": "To show that analysing language practice in user meetings can give useful knowledge to professionals for whom such meetings are a central part of their work.",
              "nb": "Å vise at analyser av språklig praksis i brukermøter kan gi nyttig kunnskap til fagfolk som har slike møter som en viktig del av arbeidet sitt.",
            },
            "country": {
              "en": "Norway",
              "nb": "Norge",
            },
            "dataCollection": {
              "en": "Audio and video recordings of guidance conversations, transcribed in detail.",
              "nb": "Lyd- og videoopptak av veiledningssamtaler med detaljert transkripsjon.",
            },
            "design": {
              "en": "Analysis of conversation data (micro-level conversation analysis); the article compares what observation data, conversation data and reported data can offer.",
              "nb": "Analyse av samtaledata (samtaleanalyse på mikronivå); artikkelen sammenligner hva observasjonsdata, samtaledata og rapporterte data kan gi.",
            },
            "notes": [
              {
                "en": "The thesis calls the text a peer-reviewed article, but no journal article with this title was found; the closest records are reports from the UTVEI project at NTNU. The year of data collection is unknown.",
                "nb": "Oppgaven omtaler teksten som en fagfellevurdert artikkel, men ingen tidsskriftsartikkel med denne tittelen er funnet; de nærmeste kildene er rapporter fra UTVEI-prosjektet ved NTNU. Året for datainnsamlingen er ukjent.",
              },
            ],
            "participants": {
              "en": "Users and supervisors in NAV conversations; the thesis does not give their number.",
              "nb": "Brukere og veiledere i Nav-samtaler; antallet oppgis ikke i oppgaven.",
            },
            "peerReviewed": "unknown",
            "setting": {
              "en": "User meetings between supervisors and users in NAV.",
              "nb": "Brukermøter mellom veiledere og brukere i Nav.",
            },
            "unknown": [],
          },
          "entry": {
            "id": "riisjohansen2018",
            "item": {
              "author": [
                {
                  "family": "Riis-Johansen",
                },
                {
                  "family": "Halvorsen",
                },
                {
                  "family": "Andenæs",
                },
                {
                  "family": "Hammerstad",
                },
              ],
              "id": "riisjohansen2018",
              "title": "Interaksjon med brukere i Nav: Analyse av samtaledata som grunnlag for fagutvikling",
              "type": "article-journal",
            },
            "origin": {
              "file": "sources/riisjohansen2018.md",
              "line": 4,
            },
            "verification": {
              "candidates": [
                {
                  "evidence": [
                    "https://9pdf.net/document/y960glvj-utvei-utvikling-av-veiledningssamtalen-i-nav.html",
                    "https://www.nav.no/no/nav-og-samfunn/kunnskap/fou-midler/relatert-informasjon/utvei-utvikling-av-veiledningssamtalen-i-nav",
                  ],
                  "item": {
                    "id": "riisjohansen2018~1",
                    "issued": {
                      "date-parts": [
                        [
                          2018,
                        ],
                      ],
                    },
                    "language": "nb",
                    "publisher": "Institutt for språk og litteratur, NTNU / NTNU Samfunnsforskning AS (samarbeid)",
                    "title": "UTVEI – Utvikling av veiledningssamtalen i NAV: Forskningsbasert utviklingsarbeid for og med veiledere",
                    "type": "report",
                  },
                  "notes": [
                    {
                      "en": "the UTVEI project's report, funded under NAV's research theme «Interaksjon med brukere»; its authors were not found, and it is a report, not an article",
                      "nb": "rapporten fra UTVEI-prosjektet, finansiert under NAVs FoU-tema «Interaksjon med brukere»; forfatterne er ikke funnet, og det er en rapport, ikke en artikkel",
                    },
                  ],
                },
                {
                  "evidence": [
                    "https://www.nav.no/no/nav-og-samfunn/kunnskap/forskningsrapporter-og-evalueringer-finansiert-av-nav/navs-tiltak-og-virkemidler-rapportarkiv/ansvar-fag-og-folelser-kommunikative-utfordringer-i-brukermoter-i-nav",
                  ],
                  "item": {
                    "id": "riisjohansen2018~2",
                    "language": "nb",
                    "title": "Ansvar, fag og følelser: Kommunikative utfordringer i brukermøter i NAV",
                    "type": "report",
                  },
                  "notes": [
                    {
                      "en": "the follow-up report to UTVEI; its year (probably 2020) and authors are not confirmed",
                      "nb": "oppfølgingsrapporten til UTVEI; året (trolig 2020) og forfatterne er ikke bekreftet",
                    },
                  ],
                },
                {
                  "evidence": [
                    "https://fontene.no/fagartikler/aktive-brukere-i-samtaler-med-nav-6.47.577570.90571aab5e",
                  ],
                  "item": {
                    "URL": "https://fontene.no/fagartikler/aktive-brukere-i-samtaler-med-nav-6.47.577570.90571aab5e",
                    "container-title": "Fontene",
                    "id": "riisjohansen2018~3",
                    "issued": {
                      "date-parts": [
                        [
                          2018,
                          10,
                          3,
                        ],
                      ],
                    },
                    "language": "nb",
                    "title": "Aktive brukere i samtaler med NAV",
                    "type": "article-magazine",
                  },
                  "notes": [
                    {
                      "en": "a professional article (not peer-reviewed) from the UTVEI project on fontene.no; its authors were not found",
                      "nb": "en fagartikkel (ikke fagfellevurdert) fra UTVEI-prosjektet på fontene.no; forfatterne er ikke funnet",
                    },
                  ],
                },
              ],
              "evidence": [
                "https://www.nav.no/no/nav-og-samfunn/kunnskap/fou-midler/relatert-informasjon/utvei-utvikling-av-veiledningssamtalen-i-nav",
                "https://www.ntnu.no/sekom/utvei",
                "https://www.nav.no/no/nav-og-samfunn/kunnskap/forskningsrapporter-og-evalueringer-finansiert-av-nav/navs-tiltak-og-virkemidler-rapportarkiv/ansvar-fag-og-folelser-kommunikative-utfordringer-i-brukermoter-i-nav",
                "https://sakprosasiden.no/sakprosabloggen/2022/09/19/ny-artikkel-i-tidsskriftet-sakprosa-hvordan-snakker-nav-med-innbyggerne/",
              ],
              "notes": [
                {
                  "en": "No bibliographic record found; title and surnames come only from the thesis, which calls the text a peer-reviewed article (hence the type journal article) and cites it as both 2018 and 2020.",
                  "nb": "Ingen bibliografisk post er funnet; tittel og etternavn kommer bare fra oppgaven, som kaller teksten en fagfellevurdert artikkel (derav typen tidsskriftartikkel) og siterer den både som 2018 og 2020.",
                },
                {
                  "en": "The year is left out because the thesis gives two (2018 in chapters 3 and 5.4, 2020 in 5.3) and no record settles it; the journal is unknown.",
                  "nb": "Året er utelatt fordi oppgaven oppgir to (2018 i kapittel 3 og 5.4, 2020 i 5.3) og ingen kilde avgjør det; tidsskriftet er ukjent.",
                },
              ],
              "status": "unverified",
            },
          },
          "file": "sources/riisjohansen2018.md",
          "findings": [
            {
              "id": "riisjohansen2018-kunnskapshull",
              "label": {
                "en": "Little is known about the conversations",
                "nb": "Lite kunnskap om samtalene",
              },
              "line": 87,
              "quotes": [],
              "source": "riisjohansen2018",
              "statement": {
                "en": "There is little empirical knowledge of how conversations between NAV staff and users go, and should go, to reach their goals, or of the challenges and openings of the user meeting as a communicative situation.",
                "nb": "Det finnes lite empirisk kunnskap om hvordan samtalene mellom Nav-ansatte og brukere foregår og bør foregå for å nå målene, og om hvilke utfordringer og muligheter brukermøtet har som kommunikasjonssituasjon.",
              },
            },
            {
              "id": "riisjohansen2018-samtaledata",
              "label": {
                "en": "Conversation data inform practice",
                "nb": "Samtaledata gir kunnskap til praksis",
              },
              "line": 97,
              "quotes": [],
              "source": "riisjohansen2018",
              "statement": {
                "en": "Detailed analyses of recorded conversations show how a meeting unfolds and its interactional details, and give knowledge that supervisors can use to develop their practice.",
                "nb": "Detaljerte analyser av opptak av samtaler viser forløpet og de interaksjonelle detaljene i møtet, og gir kunnskap som veiledere kan bruke i fagutvikling.",
              },
            },
            {
              "id": "riisjohansen2018-deltakelse",
              "label": {
                "en": "Interaction shapes participation",
                "nb": "Samspillet styrer deltakelsen",
              },
              "line": 105,
              "quotes": [],
              "source": "riisjohansen2018",
              "statement": {
                "en": "How supervisor and user interact affects how much the user takes part and has a say in the meeting; the supervisor, as the professional, strongly shapes what user participation becomes.",
                "nb": "Måten veileder og bruker samhandler på, påvirker hvor mye brukeren deltar og får innflytelse i møtet; veilederen har som profesjonell stor betydning for hvordan brukermedvirkningen blir.",
              },
            },
            {
              "id": "riisjohansen2018-aktiv-bruker",
              "label": {
                "en": "An active user is easier said than done",
                "nb": "Aktiv bruker er lettere sagt enn gjort",
              },
              "line": 113,
              "quotes": [],
              "source": "riisjohansen2018",
              "statement": {
                "en": "An actively involved user, and conversations that draw on the user's resources, matter, but are harder to achieve in practice than in theory.",
                "nb": "En aktivt deltakende bruker og involverende samtaler der brukerens ressurser tas i bruk er viktige, men vanskeligere å få til i praksis enn i teorien.",
              },
            },
          ],
          "findingsSource": "thesis",
          "id": "riisjohansen2018",
        },
      }
    `);
  });

  it('keeps the two participant quotations of Lundberg & Syltevik, without a page (the thesis gives none)', async () => {
    const text = await readFile(`${sourcesDir}lundberg2013.md`, 'utf8');
    const { record } = await parseSourceRecord(text, 'sources/lundberg2013.md');
    expect(
      record?.findings.flatMap((finding) =>
        finding.quotes.map((quote) => ({ finding: finding.id, ...quote })),
      ),
    ).toEqual([
      {
        finding: 'lundberg2013-kompleks',
        line: 72,
        text: '«Det er jo sånn at vi må trekke kølapp for å få kølapp. Når min saksbehandler har gjort sin jobb, så skal forvaltningen gjøre sin. Og forvaltningen får en ikke snakke med. De krever en fullstendig søknad, og gjør ikke noe før alt er klart. Det samarbeidet som skulle fungere – fungerer ikke i det hele tatt.»',
      },
      {
        finding: 'lundberg2013-ustabile-relasjoner',
        line: 93,
        text: '«På sentralbordet har de ingen informasjon å gi en om det ikke har kommet et ferdig vedtak. Denne 48 timers-garantien fungerer ikke. Jeg har ringt, men jeg får ikke kontakt med saksbehandleren …»',
      },
    ]);
  });

  it('reads a page attribute, a quotation page and fields marked unknown (or ukjent)', async () => {
    const text = [
      '---',
      'id: demo2020',
      'entry: { type: report, title: Demo, verification: { status: unverified, evidence: [], notes: [] } }',
      'characteristics:',
      '  aim: { nb: Mål, en: Aim }',
      '  design: { nb: Design, en: Design }',
      '  dataCollection: { nb: Intervju, en: Interviews }',
      '  participants: ukjent',
      '  setting: { nb: Nav, en: NAV }',
      '  country: { nb: Norge, en: Norway }',
      '  peerReviewed: unknown',
      '---',
      '## Findings',
      '### Tillit {#demo2020-tillit page="92–93"}',
      'nb: Tillit.',
      '',
      'en: Trust.',
      '',
      '> «Sitat» (p. 93)',
    ].join('\n');
    const { record, diagnostics } = await parseSourceRecord(text, 'demo2020.md');
    expect(diagnostics).toEqual([]);
    expect(record?.characteristics.participants).toEqual({ nb: 'Ukjent', en: 'Unknown' });
    expect(record?.characteristics.unknown).toEqual(['participants']);
    expect(record?.characteristics.peerReviewed).toBe('unknown');
    expect(record?.findings).toEqual([
      {
        id: 'demo2020-tillit',
        source: 'demo2020',
        label: { nb: 'Tillit', en: 'Tillit (nb)' },
        statement: { nb: 'Tillit.', en: 'Trust.' },
        page: '92–93',
        quotes: [{ text: '«Sitat»', page: '93', line: 19 }],
        line: 14,
      },
    ]);
  });

  it('reads a record written in one language only, showing the other language marked', async () => {
    const text = [
      '---',
      'id: berg2021',
      'entry: { type: article-journal, title: Møter i Nav, verification: { status: unverified, evidence: [], notes: [] } }',
      'characteristics:',
      '  aim: { nb: Å undersøke møter i Nav }',
      '  design: Kvalitativ',
      '  dataCollection: { en: Interviews }',
      '  participants: ukjent',
      '  setting: Nav',
      '  country: Norge',
      '  peerReviewed: true',
      '  notes: [Bare norske notater.]',
      '---',
      '## Funn',
      '### Tillit tar tid {#berg2021-tillit page=4}',
      'nb: Tillit bygges over tid.',
      '',
      '',
      '<!--',
      'A note to self, and where litsynth add puts its example: never content of a finding.',
      '-->',
      '',
      '### Trust {#berg2021-trust}',
      'en: Trust takes time.',
    ].join('\n');
    const { record, diagnostics } = await parseSourceRecord(text, 'berg2021.md');
    expect(diagnostics).toEqual([]);
    expect([
      record?.characteristics.aim,
      record?.characteristics.design,
      record?.characteristics.dataCollection,
      record?.characteristics.notes,
    ]).toEqual([
      { nb: 'Å undersøke møter i Nav', en: 'Å undersøke møter i Nav (nb)' },
      { nb: 'Kvalitativ', en: 'Kvalitativ' },
      { nb: 'Interviews (en)', en: 'Interviews' },
      [{ nb: 'Bare norske notater.', en: 'Bare norske notater.' }],
    ]);
    expect(record?.findings.map(({ id, label, statement }) => ({ id, label, statement }))).toEqual([
      {
        id: 'berg2021-tillit',
        label: { nb: 'Tillit tar tid', en: 'Tillit tar tid (nb)' },
        statement: { nb: 'Tillit bygges over tid.', en: 'Tillit bygges over tid. (nb)' },
      },
      {
        id: 'berg2021-trust',
        label: { nb: 'Trust (en)', en: 'Trust' },
        statement: { nb: 'Trust takes time. (en)', en: 'Trust takes time.' },
      },
    ]);
  });

  it('reads a record saved with Windows line endings exactly as the same record with Unix ones', async () => {
    const text = await readFile(`${sourcesDir}lundberg2013.md`, 'utf8');
    expect(await parseSourceRecord(text.replace(/\n/g, '\r\n'), 'lundberg2013.md')).toEqual(
      await parseSourceRecord(text, 'lundberg2013.md'),
    );
  });

  it('never throws, and points every diagnostic at a line of the file, whatever the text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 400 }), fc.boolean(), async (body, withFence) => {
        const text = withFence ? `---\nid: x\n${body}\n---\n${body}` : body;
        const lineCount = text.split('\n').length;
        const { diagnostics } = await parseSourceRecord(text, 'x.md');
        for (const diagnostic of diagnostics) {
          expect(diagnostic.line).toBeGreaterThanOrEqual(1);
          expect(diagnostic.line).toBeLessThanOrEqual(lineCount);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reports a YAML alias bomb in the frontmatter as a problem of the record, not a crash', async () => {
    const levels = ['x0: &a0 [x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level < 9; level++)
      levels.push(
        `x${level}: &a${level} [${Array(9)
          .fill(`*a${level - 1}`)
          .join(', ')}]`,
      );
    const { record, diagnostics } = await parseSourceRecord(
      `---\nid: bomb2020\n${levels.join('\n')}\n---\n\n# Bomb\n`,
      'sources/bomb2020.md',
    );
    expect({
      record,
      diagnostics: diagnostics.map((diagnostic) => [
        diagnostic.rule,
        diagnostic.line,
        diagnostic.message.en,
      ]),
    }).toEqual({
      record: undefined,
      diagnostics: [
        [
          'source-record-frontmatter',
          2,
          'The frontmatter uses YAML aliases (*name) that expand to too much data (a "billion laughs"?).',
        ],
      ],
    });
  });
});

describe('parseSourceRecordFrontmatter', () => {
  const markdown = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);
  /** The frontmatter as remark-frontmatter finds it (what parseSourceRecord reads). */
  const remarkFrontmatterOf = (text: string) => {
    const node = markdown.parse(text).children[0];
    return node?.type === 'yaml'
      ? { value: node.value, firstLine: (node.position?.start.line ?? 1) + 1 }
      : undefined;
  };

  it('finds the frontmatter remark-frontmatter finds, in any text made of fences, YAML and line endings', () => {
    const piece = fc.constantFrom(
      '---',
      '----',
      '--- ',
      ' ---',
      'id: x',
      'a',
      '',
      '\n',
      '\r\n',
      '\r',
      '\t',
      ' ',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        expect(frontmatterOf(text)).toEqual(remarkFrontmatterOf(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads of each real record what parseSourceRecord reads, without its findings', async () => {
    for (const id of ['natland2019', 'lundberg2013', 'stenbrenden2018', 'riisjohansen2018']) {
      const text = await readFile(`${sourcesDir}${id}.md`, 'utf8');
      const whole = await parseSourceRecord(text, `sources/${id}.md`);
      const { findings, ...record } = whole.record ?? { findings: [] };
      expect(await parseSourceRecordFrontmatter(text, `sources/${id}.md`)).toEqual({
        record,
        diagnostics: whole.diagnostics,
      });
    }
  });
});
