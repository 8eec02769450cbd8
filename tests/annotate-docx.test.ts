import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { shownPath } from '@litsynth/study';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeDocx, r } from '../packages/docx-comments/src/test-docx.js';
import {
  libreOfficeRead,
  packageProblems,
  pandocComments,
  pandocPlainText,
  type ReadComment,
  requireReaders,
} from './docx-readers.js';
import { litsynth, root } from './litsynth-cli.js';

// `litsynth check thesis.docx --annotate out.docx`: the student's document with a Word comment at
// each problem, opened with real readers (pandoc, LibreOffice): the comments are there, on the
// right text, the text of the document is unchanged and the package is valid.

const realThesis = join(root, '../shared/real-theses/cirotzki-master-2026-en.docx');
const references = join(root, 'tests/fixtures/formats/references.yaml');

interface JsonDiagnostic {
  rule: string;
  severity: 'error' | 'warning' | 'info';
  file: string;
  line: number;
  raw: string | null;
}

interface JsonCitation {
  raw: string;
  line: number;
  field?: unknown;
}

let work: string;
beforeAll(() => {
  requireReaders();
  work = mkdtempSync(join(tmpdir(), 'litsynth-annotate-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs the check with --annotate and the same check as JSON; returns both (the diagnostics of the manuscript, and of other files). */
function annotate(manuscript: string, args: readonly string[], name: string) {
  const out = join(work, name);
  const result = litsynth(['check', manuscript, ...args, '--annotate', out, '--format', 'json']);
  const json = JSON.parse(result.stdout) as {
    manuscript: string;
    diagnostics: JsonDiagnostic[];
    citations: JsonCitation[];
  };
  const inManuscript = (diagnostic: JsonDiagnostic) => diagnostic.file === json.manuscript;
  return {
    out,
    result,
    diagnostics: json.diagnostics.filter(inManuscript),
    elsewhere: json.diagnostics.filter((diagnostic) => !inManuscript(diagnostic)),
    citations: json.citations,
  };
}

/** One comment per error and warning, one per info rule: the number of comments litsynth writes. */
function expectedCount(diagnostics: readonly JsonDiagnostic[]): number {
  const infoRules = new Set(
    diagnostics
      .filter((diagnostic) => diagnostic.severity === 'info')
      .map((diagnostic) => diagnostic.rule),
  );
  return diagnostics.filter((diagnostic) => diagnostic.severity !== 'info').length + infoRules.size;
}

const ours = (comments: readonly ReadComment[]) =>
  comments.filter((comment) => comment.author === 'litsynth');
/** The rule a comment of litsynth is about: "Feil: … (year-mismatch)" or "Merknad om form (locator-form), …". */
const ruleOf = (comment: ReadComment) => /\(([a-z]+(?:-[a-z]+)+)\)/.exec(comment.text)?.[1];

describe('a .docx made here: runs split mid-citation, a hyperlink, a footnote, a bookmark, proofing marks, tracked changes, a comment', () => {
  const body = [
    `<w:p>${r('Innledning', '<w:b/>')}</w:p>`,
    // A citation over four runs of different formatting, with proofing marks and a bookmark inside.
    `<w:p>${r('Relasjonen mellom veileder og bruker er sentral (')}${r('Nat')}<w:proofErr w:type="spellStart"/>${r('land et al., ', '<w:i/>')}<w:proofErr w:type="spellEnd"/><w:bookmarkStart w:id="0" w:name="_Ref1"/>${r('2020')}<w:bookmarkEnd w:id="0"/>${r(').')}</w:p>`,
    // A citation that is a hyperlink.
    `<w:p>${r('Dette drøftes av ')}<w:hyperlink w:anchor="_Ref1"><w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t>Lundberg og Syltvik (2013)</w:t></w:r></w:hyperlink>${r(' i detalj.')}</w:p>`,
    // A supervisor's comment, and a footnote with a citation.
    `<w:p><w:commentRangeStart w:id="7"/>${r('Tillit bygges over tid.')}<w:commentRangeEnd w:id="7"/><w:r><w:commentReference w:id="7"/></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>`,
    // Tracked changes inside a citation.
    `<w:p>${r('Relasjoner tar tid (')}<w:del w:id="8" w:author="Student"><w:r><w:delText>Daland</w:delText></w:r></w:del><w:ins w:id="9" w:author="Student">${r('Dalland')}</w:ins>${r(', 2017, s 53).')}</w:p>`,
    `<w:p>${r('Det samme gjelder oppfølging (Dalland, 2017, s 12).')}</w:p>`,
  ].join('');
  const footnotes = `<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>${r(' Se også Melberg (2017).')}</w:p></w:footnote>`;
  const supervisor =
    '<w:comment w:id="7" w:author="Veileder" w:initials="V"><w:p><w:r><w:t>Utdyp dette.</w:t></w:r></w:p></w:comment>';
  let input: string;
  let run: ReturnType<typeof annotate>;
  beforeAll(() => {
    input = join(work, 'oppgave.docx');
    writeFileSync(input, makeDocx(body, { footnotes, comments: supervisor }));
    run = annotate(input, ['--bib', references, '--lang', 'nb'], 'oppgave-kommentert.docx');
  });

  test('one comment per error and warning, one per info rule, each on its citation', () => {
    const files = [...new Set(run.elsewhere.map((diagnostic) => diagnostic.file))].join(', ');
    expect({ code: run.result.code, stderr: run.result.stderr }).toEqual({
      code: 1,
      stderr:
        `Kommentert kopi: ${run.out} (${expectedCount(run.diagnostics)} merknad(er)).\n` +
        `  ${run.elsewhere.length} problem(er) i andre filer (${files}) står ikke i dokumentet, bare i rapporten.\n`,
    });
    const comments = pandocComments(run.out);
    expect(comments.filter((comment) => comment.author !== 'litsynth')).toEqual([
      { author: 'Veileder', text: 'Utdyp dette.', anchor: 'Tillit bygges over tid.' },
    ]);
    // pandoc shows a comment on a footnote's mark as anchored on the note's text.
    expect(ours(comments).map((comment) => [ruleOf(comment), comment.anchor])).toEqual([
      ['year-mismatch', 'Natland et al., 2020'],
      ['author-misspelled', 'Lundberg og Syltvik (2013)'],
      ['unresolved-citation', 'Se også Melberg (2017).'],
      ['locator-form', 'Dalland, 2017, s 53'],
      ['no-reference-list', 'Det samme gjelder oppfølging (Dalland, 2017, s 12).'],
    ]);
    expect(ours(comments).length).toBe(expectedCount(run.diagnostics));
  });

  test('the messages are in the language asked for, with their suggestion; an info rule once with its places; a note says which note', () => {
    const texts = ours(pandocComments(run.out)).map((comment) => comment.text);
    expect(texts[0]).toMatch(/^Feil: .* \(year-mismatch\) ¶ Forslag: .*\.$/);
    expect(texts[2]).toMatch(
      /^Gjelder fotnote 1: «Melberg \(2017\)»\. ¶ Feil: .* \(unresolved-citation\) ¶ Forslag: .*\.$/,
    );
    expect(texts[3]).toMatch(
      /^Merknad om form \(locator-form\), 2 ganger: [^¶]* ¶ • [^¶]*s 53[^¶]* ¶ • [^¶]*s 12[^¶]*( ¶ Forslag: .*)?$/,
    );
  });

  test('LibreOffice opens it, converts it to PDF, and reads the same comments on the same text', () => {
    const { pdf, comments } = libreOfficeRead(run.out);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(comments.map(({ author, anchor }) => ({ author, anchor }))).toEqual(
      pandocComments(run.out).map(({ author, anchor }) => ({ author, anchor })),
    );
  });

  test('the text of the document is unchanged, the input untouched, and the package valid', () => {
    expect(pandocPlainText(run.out)).toBe(pandocPlainText(input));
    expect(readFileSync(input)).toEqual(
      Buffer.from(makeDocx(body, { footnotes, comments: supervisor })),
    );
    expect(packageProblems(readFileSync(run.out))).toEqual([]);
  });
});

describe('a .docx with Zotero fields', () => {
  test("the comments are on the fields' text, the fields stay whole", () => {
    const manuscript = join(root, 'packages/ingest/fixtures/formats/fields-zotero.docx');
    // Natland et al. with another year than the field shows, so that the field citations are wrong.
    const bibliography = join(work, 'zotero-years.json');
    writeFileSync(
      bibliography,
      JSON.stringify([
        {
          id: 'natland2019',
          type: 'article-journal',
          title: 'Relasjoner',
          author: [
            { family: 'Natland', given: 'Sidsel' },
            { family: 'Bjerke', given: 'Erik' },
            { family: 'Torstensen', given: 'Tom B.' },
          ],
          issued: { 'date-parts': [[2020]] },
        },
        {
          id: 'lundberg2013',
          type: 'article-journal',
          title: 'Tillit',
          author: [
            { family: 'Lundberg', given: 'Kjetil' },
            { family: 'Syltevik', given: 'Liv Johanne' },
          ],
          issued: { 'date-parts': [[2013]] },
        },
      ]),
    );
    const run = annotate(
      manuscript,
      ['--bib', bibliography, '--lang', 'en'],
      'fields-zotero-annotated.docx',
    );
    expect(run.result.code).toBe(1);
    const comments = ours(pandocComments(run.out));
    expect(comments.length).toBe(expectedCount(run.diagnostics));
    // A citation in a field is anchored on the whole field (LibreOffice loses a range inside a field).
    expect(
      comments
        .filter((comment) => ruleOf(comment) === 'year-mismatch')
        .map((comment) => comment.anchor),
    ).toEqual([
      '(Natland et al., 2019)',
      '(Lundberg & Syltevik, 2013, s. 3; Natland et al., 2019)',
    ]);
    expect(pandocPlainText(run.out)).toBe(pandocPlainText(manuscript));
    expect(packageProblems(readFileSync(run.out))).toEqual([]);
    // The fields' characters and instructions, in order, as they were.
    const fields = (bytes: Uint8Array) => {
      const xml = strFromU8(unzipSync(bytes)['word/document.xml'] as Uint8Array);
      return [...xml.matchAll(/<w:fldChar w:fldCharType="(\w+)"|<w:instrText[^>]*>([^<]*)/g)].map(
        (match) => match[1] ?? match[2],
      );
    };
    expect(fields(readFileSync(run.out))).toEqual(fields(readFileSync(manuscript)));
    const office = libreOfficeRead(run.out);
    expect(office.comments.map(({ author, anchor }) => ({ author, anchor }))).toEqual(
      comments.map(({ author, anchor }) => ({ author, anchor })),
    );
  });
});

describe('the real thesis (cirotzki-master-2026-en.docx, Zotero, 1.1 MB), read where it lies', () => {
  test('every problem is a comment on its citation; the supervisor comments, the text and the package are kept', () => {
    expect(existsSync(realThesis)).toBe(true);
    const run = annotate(realThesis, ['--lang', 'en'], 'thesis-annotated.docx');
    const before = pandocComments(realThesis);
    const after = pandocComments(run.out);
    expect(after.filter((comment) => comment.author !== 'litsynth')).toEqual(before);
    const mine = ours(after);
    expect(mine.length).toBe(expectedCount(run.diagnostics));
    // Errors and warnings are anchored on exactly their text, or on the Zotero field that shows it.
    const anchoredOnText = mine.filter(
      (comment) => !/^Note on form|is cited but missing from the reference list/.test(comment.text),
    );
    const expected = run.diagnostics.filter(
      (diagnostic) =>
        diagnostic.severity !== 'info' && diagnostic.rule !== 'bib-typed-entry-missing',
    );
    const inField = (diagnostic: JsonDiagnostic) =>
      run.citations.some(
        (citation) =>
          citation.raw === diagnostic.raw &&
          citation.line === diagnostic.line &&
          citation.field !== undefined,
      );
    const misplaced = anchoredOnText.flatMap((comment, index) => {
      const diagnostic = expected[index] as JsonDiagnostic;
      const raw = diagnostic.raw ?? '';
      const onIt =
        comment.anchor === raw ||
        (inField(diagnostic) && /^\(.*\)$/.test(comment.anchor) && comment.anchor.includes(raw));
      return onIt ? [] : [{ rule: diagnostic.rule, raw, anchor: comment.anchor }];
    });
    expect({ comments: anchoredOnText.length, misplaced }).toEqual({
      comments: expected.length,
      misplaced: [],
    });
    expect(pandocPlainText(run.out)).toBe(pandocPlainText(realThesis));
    expect(packageProblems(readFileSync(run.out))).toEqual([]);
    const office = libreOfficeRead(run.out);
    expect(office.pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(ours(office.comments).length).toBe(mine.length);
  });
});

describe('litsynth build --annotate, for a study whose manuscript is a .docx', () => {
  test('writes the annotated copy beside the outputs, with the problems of the whole build', () => {
    const study = join(work, 'docx-study');
    cpSync(join(root, 'tests/fixtures/clean-thesis'), study, { recursive: true });
    writeFileSync(
      join(study, 'oppgave.docx'),
      makeDocx(`<w:p>${r('Tillit tar tid (Nordmann, 2017).')}</w:p>`),
    );
    writeFileSync(
      join(study, 'study.yaml'),
      readFileSync(join(study, 'study.yaml'), 'utf8').replace(
        'manuscript: manuscript.md',
        'manuscript: oppgave.docx',
      ),
    );
    const out = join(work, 'docx-study-kommentert.docx');
    const result = litsynth(['build', study, '--annotate', out, '--lang', 'en']);
    const check = JSON.parse(readFileSync(join(study, 'out/check.json'), 'utf8')) as {
      manuscript: string;
      diagnostics: JsonDiagnostic[];
    };
    const diagnostics = check.diagnostics.filter(
      (diagnostic) => diagnostic.file === check.manuscript,
    );
    // The uncited entries of references.yaml are problems of that file: not in the document.
    const elsewhere = check.diagnostics.length - diagnostics.length;
    expect({
      code: result.code,
      stderr: result.stderr,
      end: result.stdout.split('\n').slice(-3),
    }).toEqual({
      code: 0,
      stderr: '',
      end: [
        `  Annotated copy: ${out} (${expectedCount(diagnostics)} comment(s)).`,
        // The file as the CLI shows paths: relative to where it runs (the repository) when shorter.
        `  ${elsewhere} problem(s) in other files (${shownPath(join(study, 'references.yaml'))}) are not in the document, only in the report.`,
        '',
      ],
    });
    expect(
      ours(pandocComments(out)).map((comment) => [ruleOf(comment), comment.anchor]),
    ).toContainEqual(['unresolved-citation', 'Nordmann, 2017']);
    expect(ours(pandocComments(out)).length).toBe(expectedCount(diagnostics));
  });

  test('a study whose manuscript is not a .docx is refused before anything is built', () => {
    const study = join(work, 'md-study');
    cpSync(join(root, 'tests/fixtures/clean-thesis'), study, { recursive: true });
    const result = litsynth(['build', study, '--annotate', join(work, 'md.docx'), '--lang', 'en']);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `litsynth: ${join(study, 'manuscript.md')}: --annotate writes Word comments into a copy of a .docx manuscript, and this manuscript is a Markdown file: it cannot get comments. Instead, the report (report.html) is in the output folder (--out).\n`,
    });
    expect(existsSync(join(study, 'out'))).toBe(false);
  });
});

describe('--annotate refuses what it cannot do (exit 2), before any work', () => {
  test('a text or PDF manuscript: it says it needs a .docx and points to --out', () => {
    const result = litsynth([
      'check',
      'tests/fixtures/formats/thesis.pdf',
      '--annotate',
      join(work, 'x.docx'),
      '--lang',
      'en',
    ]);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'litsynth: tests/fixtures/formats/thesis.pdf: --annotate writes Word comments into a copy of a .docx manuscript, and this manuscript is a PDF file: it cannot get comments. Instead, write the report to a file with --out (litsynth check … --out report.txt).\n',
    });
    expect(existsSync(join(work, 'x.docx'))).toBe(false);
  });

  test('the manuscript itself as output, or another type of file', () => {
    const manuscript = join(work, 'self.docx');
    writeFileSync(manuscript, makeDocx(`<w:p>${r('Tekst (Dalland, 2017).')}</w:p>`));
    const before = readFileSync(manuscript);
    expect(litsynth(['check', manuscript, '--annotate', manuscript, '--lang', 'en']).stderr).toBe(
      `litsynth: ${manuscript}: --annotate would overwrite the manuscript; give another file name (the manuscript is never changed).\n`,
    );
    expect(
      litsynth(['check', manuscript, '--annotate', join(work, 'x.pdf'), '--lang', 'en']),
    ).toEqual({
      code: 2,
      stdout: '',
      stderr: `litsynth: ${join(work, 'x.pdf')}: --annotate needs a file name ending in .docx, the type of the manuscript.\n`,
    });
    expect(readFileSync(manuscript)).toEqual(before);
  });
});
