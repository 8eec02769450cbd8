import { element, textOf } from './docx-fields.js';
import type { FieldCitationItem } from './docx-types.js';

type CslItem = FieldCitationItem['item'];
type CslName = { family: string; given?: string } | { literal: string };

// Word's own citation tool (References › Insert Citation) keeps its sources in a custom XML part
// (customXml/itemN.xml, <b:Sources>) and cites them with CITATION fields by tag.
const sourceTypes: Record<string, string> = {
  JournalArticle: 'article-journal',
  ArticleInAPeriodical: 'article-magazine',
  Book: 'book',
  BookSection: 'chapter',
  Report: 'report',
  ConferenceProceedings: 'paper-conference',
  InternetSite: 'webpage',
  DocumentFromInternetSite: 'webpage',
  Case: 'legal_case',
  Misc: 'document',
};

/** The sources of Word's citation tool in a custom XML part, by tag, as CSL items (only what Word stored). */
export function readWordSources(xml: string): Map<string, CslItem> {
  const sources = new Map<string, CslItem>();
  if (!xml.includes('Sources')) return sources;
  // The part may or may not use the "b:" prefix.
  const plain = xml.replace(/<(\/?)b:/g, '<$1');
  for (const [, source = ''] of plain.matchAll(/<Source>([\s\S]*?)<\/Source>/g)) {
    const tag = text(element(source, 'Tag'));
    if (!tag) continue;
    const item: CslItem = {
      id: tag,
      type: sourceTypes[text(element(source, 'SourceType')) ?? ''] ?? 'document',
    };
    // <Author><Author><NameList>…</NameList></Author><Editor>…</Editor></Author>: the roles are the
    // elements that hold a name list or an organisation.
    const authors = names(role(source, 'Author'));
    const editors = names(role(source, 'Editor'));
    if (authors.length > 0) item.author = authors;
    if (editors.length > 0) item.editor = editors;
    const fields: Array<[string, string]> = [
      ['title', 'Title'],
      ['container-title', item.type === 'chapter' ? 'BookTitle' : 'JournalName'],
      ['publisher', 'Publisher'],
      ['publisher-place', 'City'],
      ['page', 'Pages'],
      ['volume', 'Volume'],
      ['issue', 'Issue'],
      ['edition', 'Edition'],
      ['DOI', 'DOI'],
      ['URL', 'URL'],
    ];
    for (const [field, name] of fields) {
      const value = text(element(source, name));
      if (value) item[field] = value;
    }
    if (item.type === 'article-magazine') {
      const periodical = text(element(source, 'PeriodicalTitle'));
      if (periodical) item['container-title'] = periodical;
    }
    const year = text(element(source, 'Year'));
    if (year && /^\d{4}/.test(year)) item.issued = { 'date-parts': [[Number(year.slice(0, 4))]] };
    sources.set(tag, item);
  }
  return sources;
}

function names(block: string): CslName[] {
  const corporate = text(element(block, 'Corporate'));
  if (corporate) return [{ literal: corporate }];
  return [...block.matchAll(/<Person>([\s\S]*?)<\/Person>/g)].flatMap(([, person = '']) => {
    const family = text(element(person, 'Last'));
    if (!family) return [];
    const given = [text(element(person, 'First')), text(element(person, 'Middle'))]
      .filter(Boolean)
      .join(' ');
    return [given ? { family, given } : { family }];
  });
}

function role(source: string, name: string): string {
  return (
    new RegExp(
      `<${name}>\\s*(<NameList>[\\s\\S]*?</NameList>|<Corporate>[\\s\\S]*?</Corporate>)\\s*</${name}>`,
    ).exec(source)?.[1] ?? ''
  );
}

function text(fragment: string | undefined): string | undefined {
  if (fragment === undefined) return undefined;
  return textOf(fragment) || undefined;
}
