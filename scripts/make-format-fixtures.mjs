#!/usr/bin/env node
// Makes the .txt, .docx and .pdf forms of the fixture thesis, the .docx files with reference-manager
// field citations, and an encrypted PDF, from tests/fixtures/formats/thesis.md, with Debian tools:
//   pandoc (apt: pandoc)                      Markdown → .docx and plain text
//   soffice (apt: libreoffice-writer-nogui,   .docx → .pdf, headless; hyphen-no gives Norwegian
//            hyphen-no, fonts-dejavu-core)    hyphenation, so the PDF has words broken at line ends
//   qpdf (apt: qpdf)                          password-protected PDF
//   zip/unzip (apt: zip, unzip)               edit the XML inside a .docx
//   chromium (apt: chromium)                  HTML → .pdf, a second PDF producer
//
// Usage:
//   node scripts/make-format-fixtures.mjs               rewrite the committed fixtures
//   node scripts/make-format-fixtures.mjs --bench DIR   write a 100-page thesis.docx/.pdf to DIR
//
// The .docx gets what real theses have and pandoc does not write: a running header, a footer with
// the page number (PAGE field), automatic hyphenation, and explicit page breaks where the Markdown
// has "<!-- side -->". SOURCE_DATE_EPOCH and fixed file times keep the .docx files byte-stable;
// LibreOffice and Chromium stamp their output with the time, so commit those only when changed.
//
// Writes: tests/fixtures/formats/thesis.{txt,docx,pdf}; tests/fixtures/bad-input/encrypted.pdf;
// packages/ingest/fixtures/formats/: thesis.{docx,pdf}, thesis-libreoffice.docx (resaved by
// LibreOffice), thesis-justified.{docx,pdf} (template layout), thesis-chromium.pdf,
// fields-{zotero,mendeley,endnote,mendeley-cite,word}.docx, owner-password-only.pdf,
// thesis-100.{docx,pdf} (the 100-page thesis of the benchmark).
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const formatsDir = join(root, 'tests/fixtures/formats');
const badInputDir = join(root, 'tests/fixtures/bad-input');
const unitDir = join(root, 'packages/ingest/fixtures/formats');
const env = { ...process.env, SOURCE_DATE_EPOCH: '0', TZ: 'UTC' };
const fixedTime = new Date('2020-01-01T00:00:00Z');

const pageBreakFilter = `
function RawBlock(el)
  if el.format == 'html' and el.text:match('<!%-%- side %-%->') then
    if FORMAT == 'docx' then
      return pandoc.RawBlock('openxml', '<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
    elseif FORMAT:match('html') then
      return pandoc.RawBlock('html', '<div style="break-after: page"></div>')
    else
      return pandoc.RawBlock(FORMAT, '\\f')
    end
  end
end
`;

const headerText = 'Bacheloroppgave i sosialt arbeid – Relasjoner i Nav';

function run(command, args, options = {}) {
  return execFileSync(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'], ...options });
}

/** Markdown → .docx (with header, footer, hyphenation) and → plain text (pages split by form feeds). */
function markdownToForms(markdownPath, outDir, name, work) {
  const filter = join(work, 'page-break.lua');
  writeFileSync(filter, pageBreakFilter);
  const pandocArgs = [
    '-f',
    'markdown-smart',
    '-M',
    'lang=nb-NO',
    '--lua-filter',
    filter,
    markdownPath,
  ];
  const rawDocx = join(work, `${name}.raw.docx`);
  run('pandoc', [...pandocArgs, '-o', rawDocx]);
  run('pandoc', [...pandocArgs, '-t', 'plain', '--wrap=none', '-o', join(outDir, `${name}.txt`)]);
  editDocx(rawDocx, join(outDir, `${name}.docx`), work, addPageFurniture);
}

/** Unzips a .docx, lets `edit` change files in the folder, and zips it again in a stable order. */
function editDocx(input, output, work, edit) {
  const dir = mkdtempSync(join(work, 'docx-'));
  run('unzip', ['-q', '-o', input, '-d', dir]);
  edit(dir);
  // Fixed times, so that an unchanged document gives a byte-identical .docx.
  for (const file of listFiles(dir)) utimesSync(join(dir, file), fixedTime, fixedTime);
  const files = listFiles(dir).sort((a, b) =>
    a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a.localeCompare(b),
  );
  rmSync(output, { force: true });
  run('zip', ['-X', '-q', '-D', resolve(output), ...files], { cwd: dir });
}

function listFiles(dir, base = dir) {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? listFiles(path, base) : [relative(base, path)];
  });
}

function editFile(path, change) {
  const before = readFileSync(path, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`make-format-fixtures: nothing changed in ${path}`);
  writeFileSync(path, after);
}

const wordNamespaces =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** Adds a running header, a footer with the page number, and automatic hyphenation. */
function addPageFurniture(dir) {
  writeFileSync(
    join(dir, 'word/header1.xml'),
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr ${wordNamespaces}><w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:r><w:t>${headerText}</w:t></w:r></w:p></w:hdr>`,
  );
  writeFileSync(
    join(dir, 'word/footer1.xml'),
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr ${wordNamespaces}><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:ftr>`,
  );
  editFile(join(dir, 'word/_rels/document.xml.rels'), (xml) =>
    xml.replace(
      '</Relationships>',
      '<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Id="rIdHeader1" Target="header1.xml" /><Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Id="rIdFooter1" Target="footer1.xml" /></Relationships>',
    ),
  );
  editFile(join(dir, '[Content_Types].xml'), (xml) =>
    xml.replace(
      '</Types>',
      '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml" /><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml" /></Types>',
    ),
  );
  editFile(join(dir, 'word/document.xml'), (xml) =>
    xml.replace(
      /<w:sectPr ?\/>|<w:sectPr>[\s\S]*?<\/w:sectPr>/,
      '<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader1"/><w:footerReference w:type="default" r:id="rIdFooter1"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1417" w:right="1417" w:bottom="1417" w:left="1417" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>',
    ),
  );
  editFile(join(dir, 'word/settings.xml'), (xml) =>
    xml.replace(/(<w:settings[^>]*>)/, '$1<w:autoHyphenation/>'),
  );
}

/**
 * The layout many Norwegian thesis templates ask for: body text justified, line spacing 1.5, no
 * space between paragraphs, first lines indented 1 cm, reference entries with a hanging indent. In the PDF, paragraphs are then told apart
 * by indentation alone, and justified lines come as one text item per word.
 */
function useThesisTemplateLayout(dir) {
  const paragraph =
    '<w:pPr><w:spacing w:before="0" w:after="0" w:line="360" w:lineRule="auto"/><w:ind w:firstLine="567"/><w:jc w:val="both"/></w:pPr>';
  editFile(join(dir, 'word/styles.xml'), (xml) =>
    xml.replace(
      /(<w:style [^>]*w:styleId="(?:BodyText|FirstParagraph)"[^>]*>)([\s\S]*?)(<\/w:style>)/g,
      (_, open, body, close) => {
        const withoutSpacing = body.replace(/<w:pPr>[\s\S]*?<\/w:pPr>|<w:pPr ?\/>/g, '');
        return (
          open +
          (withoutSpacing.includes('<w:rPr>')
            ? withoutSpacing.replace('<w:rPr>', `${paragraph}<w:rPr>`)
            : withoutSpacing + paragraph) +
          close
        );
      },
    ),
  );
  // APA 7: reference-list entries with a hanging indent of 1.25 cm.
  editFile(join(dir, 'word/document.xml'), (xml) => {
    const list = xml.indexOf('Referanser</w:t>');
    return (
      xml.slice(0, list) +
      xml
        .slice(list)
        .replace(
          /(<w:pStyle w:val="(?:FirstParagraph|BodyText)" \/>)/g,
          '$1<w:ind w:left="709" w:hanging="709"/>',
        )
    );
  });
}

/**
 * Markdown → HTML (pandoc) → PDF printed by Chromium headless: another PDF producer, US Letter,
 * with Chromium's own running header (date, title) and footer (file URL, "1/4"). Footnotes are
 * placed after their paragraph (pandoc --reference-location=block), as HTML shows them.
 */
function markdownToChromiumPdf(markdownPath, output, work) {
  const filter = join(work, 'page-break.lua');
  writeFileSync(filter, pageBreakFilter);
  const html = join(work, 'thesis.html');
  run('pandoc', [
    '-f',
    'markdown-smart',
    '-M',
    'lang=nb-NO',
    '-M',
    'pagetitle=Relasjoner i Nav',
    '--standalone',
    '--reference-location=block',
    '--lua-filter',
    filter,
    markdownPath,
    '-o',
    html,
  ]);
  run(
    'chromium',
    ['--headless', '--no-sandbox', '--disable-gpu', `--print-to-pdf=${output}`, `file://${html}`],
    { timeout: 120_000 },
  );
}

/** .docx → .pdf with LibreOffice headless (its own profile folder, so runs do not collide). */
function docxToPdf(docx, outDir, work) {
  const profile = join(work, 'lo-profile');
  run(
    'soffice',
    [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      outDir,
      docx,
    ],
    {
      timeout: 300_000,
    },
  );
}

/** The .docx saved again by LibreOffice: the same document as another word processor writes it. */
function resaveWithLibreOffice(docx, output, work) {
  const profile = join(work, 'lo-profile');
  const outDir = mkdtempSync(join(work, 'lo-'));
  run(
    'soffice',
    [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--convert-to',
      'docx:MS Word 2007 XML',
      '--outdir',
      outDir,
      docx,
    ],
    {
      timeout: 300_000,
    },
  );
  copyFileSync(join(outDir, readdirSync(outDir)[0]), output);
}

// Field codes as Zotero, Mendeley and EndNote write them. The entries embedded are the fixture
// thesis's own sources, with only the fields in research/bibliography-facts.json.
const natland = {
  id: 'natland2019',
  type: 'article-journal',
  title:
    '«Jeg fikk blankpusset håpet om at jeg hadde en framtid»: Opplevelser av god hjelp i møter med Nav',
  'container-title': 'Fontene forskning',
  author: [
    { family: 'Natland', given: 'Sidsel' },
    { family: 'Bjerke', given: 'Erik' },
    { family: 'Torstensen', given: 'Tom B.' },
  ],
  issued: { 'date-parts': [[2019, 6, 5]] },
};
const lundberg = {
  id: 'lundberg2013',
  type: 'article-journal',
  title:
    'Brukererfaringer med Nav i reformperioden: Kompleks organisasjon, bakkebyråkrati og ustabile relasjoner',
  'container-title': 'Fontene forskning',
  author: [
    { family: 'Lundberg', given: 'Kjetil G.' },
    { family: 'Syltevik', given: 'Liv Johanne' },
  ],
  issued: { 'date-parts': [[2013, 12, 4]] },
};

function escapeXml(text) {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** A complex field as Word writes it, with the instruction split over two runs as Word often does. */
function complexField(instruction, display) {
  const cut = Math.floor(instruction.length / 2);
  const instr = (text) =>
    `<w:r><w:instrText xml:space="preserve">${escapeXml(text)}</w:instrText></w:r>`;
  return (
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r>' +
    instr(instruction.slice(0, cut)) +
    instr(instruction.slice(cut)) +
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
    `<w:r><w:t xml:space="preserve">${escapeXml(display)}</w:t></w:r>` +
    '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
  );
}

function zoteroInstruction(display, items) {
  const json = {
    citationID: 'fixture',
    properties: { formattedCitation: display, plainCitation: display, noteIndex: 0 },
    citationItems: items.map(({ item, locator }) => ({
      id: item.id,
      uris: [`http://zotero.org/users/local/fixture/items/${item.id.toUpperCase()}`],
      itemData: item,
      ...(locator ? { locator, label: 'page' } : {}),
    })),
    schema: 'https://github.com/citation-style-language/schema/raw/master/csl-citation.json',
  };
  return ` ADDIN ZOTERO_ITEM CSL_CITATION ${JSON.stringify(json)} `;
}

function mendeleyInstruction(display, items) {
  const json = {
    citationItems: items.map(({ item, locator }) => ({
      id: `ITEM-${item.id}`,
      itemData: item,
      ...(locator ? { locator } : {}),
      uris: [],
    })),
    mendeley: {
      formattedCitation: display,
      plainTextFormattedCitation: display,
      previouslyFormattedCitation: display,
    },
    properties: { noteIndex: 0 },
    schema: 'https://github.com/citation-style-language/schema/raw/master/csl-citation.json',
  };
  return ` ADDIN CSL_CITATION ${JSON.stringify(json)} `;
}

function mendeleyCiteControl(display, items, id) {
  const json = {
    citationID: `MENDELEY_CITATION_fixture-${id}`,
    properties: { noteIndex: 0 },
    isEdited: false,
    manualOverride: { isManuallyOverridden: false, citeprocText: display, manualOverrideText: '' },
    citationItems: items.map(({ item, locator }) => ({
      id: item.id,
      itemData: item,
      isTemporary: false,
      ...(locator ? { locator, label: 'page' } : {}),
    })),
  };
  const tag = `MENDELEY_CITATION_v3_${Buffer.from(JSON.stringify(json), 'utf8').toString('base64')}`;
  return `<w:sdt><w:sdtPr><w:tag w:val="${tag}"/><w:id w:val="${id}"/></w:sdtPr><w:sdtContent><w:r><w:t xml:space="preserve">${escapeXml(display)}</w:t></w:r></w:sdtContent></w:sdt>`;
}

/** Word's source list (b:Sources) with the fixture's works, as Word's citation tool stores it. */
function wordSources(items) {
  const person = (name) =>
    `<b:Person><b:Last>${escapeXml(name.family)}</b:Last><b:First>${escapeXml(name.given)}</b:First></b:Person>`;
  const sources = items
    .map(
      (item) =>
        `<b:Source><b:Tag>${item.id}</b:Tag><b:SourceType>JournalArticle</b:SourceType>` +
        `<b:Author><b:Author><b:NameList>${item.author.map(person).join('')}</b:NameList></b:Author></b:Author>` +
        `<b:Title>${escapeXml(item.title)}</b:Title><b:JournalName>${escapeXml(item['container-title'])}</b:JournalName>` +
        `<b:Year>${item.issued['date-parts'][0][0]}</b:Year></b:Source>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<b:Sources SelectedStyle="\\APASixthEditionOfficeOnline.xsl" StyleName="APA" xmlns:b="http://schemas.openxmlformats.org/officeDocument/2006/bibliography" xmlns="http://schemas.openxmlformats.org/officeDocument/2006/bibliography">${sources}</b:Sources>`;
}

function endnoteInstruction(display, items) {
  const cites = items
    .map(({ item, locator }) => {
      const authors = item.author.map((a) => `<author>${a.family}, ${a.given}</author>`).join('');
      const year = item.issued['date-parts'][0][0];
      return (
        `<Cite><Author>${item.author[0].family}</Author><Year>${year}</Year><RecNum>${item.id}</RecNum>` +
        (locator ? `<Pages>${locator}</Pages>` : '') +
        `<DisplayText>${display}</DisplayText><record><rec-number>${item.id}</rec-number>` +
        '<ref-type name="Journal Article">17</ref-type>' +
        `<contributors><authors>${authors}</authors></contributors>` +
        `<titles><title>${item.title}</title><secondary-title>${item['container-title']}</secondary-title></titles>` +
        `<dates><year>${year}</year></dates></record></Cite>`
      );
    })
    .join('');
  return ` ADDIN EN.CITE <EndNote>${cites}</EndNote>`;
}

const fieldFixtureMarkdown = `# Innledning

Relasjonen har betydning for om brukeren opplever hjelpen som god [(Natland et al., 2019)]{custom-style="Field1"}.

Brukerne møter mange ulike veiledere [(Lundberg & Syltevik, 2013, s. 3; Natland et al., 2019)]{custom-style="Field2"}.

# Referanser

Lundberg, K. G. & Syltevik, L. J. (2013). Brukererfaringer med Nav i reformperioden: Kompleks organisasjon, bakkebyråkrati og ustabile relasjoner. *Fontene forskning*.
`;

/** One .docx per reference manager, each with two field citations (one with two works and a page). */
function makeFieldFixtures(work) {
  const markdown = join(work, 'fields.md');
  writeFileSync(markdown, fieldFixtureMarkdown);
  const rawDocx = join(work, 'fields.raw.docx');
  run('pandoc', ['-f', 'markdown-smart', '-M', 'lang=nb-NO', markdown, '-o', rawDocx]);
  const citations = {
    Field1: { display: '(Natland et al., 2019)', items: [{ item: natland }] },
    Field2: {
      display: '(Lundberg & Syltevik, 2013, s. 3; Natland et al., 2019)',
      items: [{ item: lundberg, locator: '3' }, { item: natland }],
    },
  };
  const managers = {
    zotero: zoteroInstruction,
    mendeley: mendeleyInstruction,
    endnote: endnoteInstruction,
  };
  // Mendeley Cite (Mendeley Reference Manager 2.x) uses a content control instead of a field.
  editDocx(rawDocx, join(unitDir, 'fields-mendeley-cite.docx'), work, (dir) => {
    let id = 100;
    editFile(join(dir, 'word/document.xml'), (xml) =>
      xml.replace(
        /<w:r><w:rPr><w:rStyle w:val="(Field[12])" \/><\/w:rPr><w:t[^>]*>[^<]*<\/w:t><\/w:r>/g,
        (_, style) => {
          const { display, items } = citations[style];
          return mendeleyCiteControl(display, items, id++);
        },
      ),
    );
  });
  // Word's own citation tool: CITATION fields by tag, the sources in a custom XML part.
  editDocx(rawDocx, join(unitDir, 'fields-word.docx'), work, (dir) => {
    editFile(join(dir, 'word/document.xml'), (xml) =>
      xml.replace(
        /<w:r><w:rPr><w:rStyle w:val="(Field[12])" \/><\/w:rPr><w:t[^>]*>[^<]*<\/w:t><\/w:r>/g,
        (_, style) => {
          const { display, items } = citations[style];
          const [first, ...more] = items;
          const instruction = ` CITATION ${first.item.id}${first.locator ? ` \\p ${first.locator}` : ''}${more.map(({ item }) => ` \\m ${item.id}`).join('')} \\l 1044 `;
          return complexField(instruction, display);
        },
      ),
    );
    mkdirSync(join(dir, 'customXml'), { recursive: true });
    writeFileSync(join(dir, 'customXml/item1.xml'), wordSources([natland, lundberg]));
    editFile(join(dir, 'word/_rels/document.xml.rels'), (xml) =>
      xml.replace(
        '</Relationships>',
        '<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Id="rIdSources" Target="../customXml/item1.xml" /></Relationships>',
      ),
    );
  });
  for (const [manager, instruction] of Object.entries(managers)) {
    editDocx(rawDocx, join(unitDir, `fields-${manager}.docx`), work, (dir) => {
      editFile(join(dir, 'word/document.xml'), (xml) =>
        xml.replace(
          /<w:r><w:rPr><w:rStyle w:val="(Field[12])" \/><\/w:rPr><w:t[^>]*>[^<]*<\/w:t><\/w:r>/g,
          (_, style) => {
            const { display, items } = citations[style];
            return complexField(instruction(display, items), display);
          },
        ),
      );
    });
  }
}

/** A thesis of about 100 pages: the fixture's body repeated, each copy with its own page breaks. */
function makeBenchThesis(outDir, work) {
  const source = readFileSync(join(formatsDir, 'thesis.md'), 'utf8');
  const split = source.indexOf('# Referanser');
  const body = source.slice(0, split);
  const references = source.slice(split);
  const copies = [];
  for (let copy = 1; copy <= 34; copy++) {
    copies.push(
      body
        .replaceAll('[^1]', `[^${copy}]`)
        .replace(/^(#+) (\d+)/gm, (_, hashes, n) => `${hashes} ${copy}.${n}`),
    );
  }
  const markdown = join(work, 'thesis-100.md');
  writeFileSync(markdown, `${copies.join('\n<!-- side -->\n\n')}\n${references}`);
  markdownToForms(markdown, outDir, 'thesis-100', work);
  docxToPdf(join(outDir, 'thesis-100.docx'), outDir, work);
}

const work = mkdtempSync(join(tmpdir(), 'litsynth-formats-'));
try {
  const benchIndex = process.argv.indexOf('--bench');
  if (benchIndex !== -1) {
    const outDir = resolve(
      process.argv[benchIndex + 1] ?? join(tmpdir(), 'litsynth-bench-formats'),
    );
    mkdirSync(outDir, { recursive: true });
    makeBenchThesis(outDir, work);
    console.log(`wrote ${join(outDir, 'thesis-100.docx')} and thesis-100.pdf`);
  } else {
    mkdirSync(unitDir, { recursive: true });
    mkdirSync(badInputDir, { recursive: true });
    markdownToForms(join(formatsDir, 'thesis.md'), formatsDir, 'thesis', work);
    docxToPdf(join(formatsDir, 'thesis.docx'), formatsDir, work);
    copyFileSync(join(formatsDir, 'thesis.docx'), join(unitDir, 'thesis.docx'));
    copyFileSync(join(formatsDir, 'thesis.pdf'), join(unitDir, 'thesis.pdf'));
    resaveWithLibreOffice(
      join(formatsDir, 'thesis.docx'),
      join(unitDir, 'thesis-libreoffice.docx'),
      work,
    );
    editDocx(
      join(formatsDir, 'thesis.docx'),
      join(unitDir, 'thesis-justified.docx'),
      work,
      useThesisTemplateLayout,
    );
    markdownToChromiumPdf(
      join(formatsDir, 'thesis.md'),
      join(unitDir, 'thesis-chromium.pdf'),
      work,
    );
    makeBenchThesis(unitDir, work);
    rmSync(join(unitDir, 'thesis-100.txt'));
    docxToPdf(join(unitDir, 'thesis-justified.docx'), unitDir, work);
    makeFieldFixtures(work);
    // A user password: cannot be opened without it. An owner password only: opens, but printing
    // and copying are "restricted" — readers may still extract text, and so do we.
    run('qpdf', [
      '--encrypt',
      'hemmelig',
      'eier',
      '256',
      '--',
      join(formatsDir, 'thesis.pdf'),
      join(badInputDir, 'encrypted.pdf'),
    ]);
    run('qpdf', [
      '--encrypt',
      '',
      'eier',
      '256',
      '--extract=n',
      '--',
      join(formatsDir, 'thesis.pdf'),
      join(unitDir, 'owner-password-only.pdf'),
    ]);
    console.log(
      'wrote the fixtures in tests/fixtures/formats, tests/fixtures/bad-input and packages/ingest/fixtures/formats',
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
