import { compareDiagnostics, type Diagnostic, type Lang, type Localized } from '@litsynth/common';
import type { Citation } from '@litsynth/citations';
import type { Heading, Manuscript } from '@litsynth/ingest';
import { authorNames, entryYear, narrativeCitation } from './author-date.js';
import { compileConceptTerms } from './concept-terms.js';
import type {
  DiscussionMap,
  DiscussionMention,
  Matrix,
  MatrixConcept,
  MatrixRecord,
} from './types.js';

/** Input of `buildDiscussionMap`. */
export interface DiscussionMapInput {
  manuscript: Manuscript;
  /** The manuscript's citations (`parseCitations(manuscript.text)`). */
  citations: readonly Citation[];
  records: readonly MatrixRecord[];
  concepts: readonly MatrixConcept[];
  /** The coded links (`buildMatrix(...)`), for the cross-check. */
  matrix: Matrix;
  /** Heading numbers of the chapters by role ("3.0", "5.0"), as in study.yaml. */
  chapters: { results?: string; discussion?: string };
  /**
   * Resolves a citation to the id of an included record, or undefined. Defaults to
   * `matchCitationToRecord` (first author's family name and year).
   */
  resolve?: (citation: Citation) => string | undefined;
}

/** A chapter of the manuscript: its heading and the offsets it spans. */
export interface Chapter {
  heading: Heading;
  start: number;
  end: number;
}

/**
 * Maps where the discussion chapter discusses each included source together with each concept
 * (a citation of the source and a word form of the concept in one paragraph), and cross-checks
 * that against the coding and the chapters the sources are cited in.
 */
export function buildDiscussionMap(input: DiscussionMapInput): DiscussionMap {
  const { manuscript, records, concepts, matrix } = input;
  const resolveOne = input.resolve ?? recordMatcher(records);
  // Each citation is resolved once: blocks and chapter counts ask for the same citations again.
  const resolved = new Map<Citation, string | undefined>();
  const resolve = (citation: Citation) => {
    if (!resolved.has(citation)) resolved.set(citation, resolveOne(citation));
    return resolved.get(citation);
  };
  const diagnostics: Diagnostic[] = [];
  const recordById = new Map(records.map((record) => [record.id, record]));
  const sortedCitations = [...input.citations].sort((a, b) => a.start - b.start);
  const citationsInRange = (start: number, end: number) => {
    const first = lowerBound(sortedCitations, start);
    const found: Citation[] = [];
    for (
      let index = first;
      index < sortedCitations.length && sortedCitations[index]!.start < end;
      index++
    )
      found.push(sortedCitations[index]!);
    return found;
  };

  const discussion = input.chapters.discussion
    ? findChapter(manuscript, input.chapters.discussion)
    : undefined;
  const results = input.chapters.results
    ? findChapter(manuscript, input.chapters.results)
    : undefined;
  for (const [role, number, chapter] of [
    ['results', input.chapters.results, results],
    ['discussion', input.chapters.discussion, discussion],
  ] as const) {
    if (number !== undefined && chapter === undefined) {
      diagnostics.push({
        rule: 'chapter-not-found',
        severity: 'warning',
        message: {
          nb: `Fant ingen overskrift med nummer ${number} (${role === 'results' ? 'resultatkapitlet' : 'drøftingskapitlet'} i study.yaml).`,
          en: `Found no heading numbered ${number} (the ${role} chapter in study.yaml).`,
        },
        file: manuscript.path,
        line: 1,
        column: 1,
      });
    }
  }

  // Mentions: per paragraph of the discussion, each cited source × each concept named in it.
  const mentions: DiscussionMention[] = [];
  if (discussion) {
    const matchers = concepts.map((concept) => ({
      id: concept.id,
      find: compileConceptTerms(concept),
    }));
    for (const block of manuscript.blocks) {
      if (
        block.kind === 'heading' ||
        block.start < discussion.start ||
        block.start >= discussion.end
      )
        continue;
      const cited = new Map<string, string[]>();
      for (const citation of citationsInRange(block.start, block.end)) {
        const recordId = resolve(citation);
        if (recordId === undefined || !recordById.has(recordId)) continue;
        const raws = cited.get(recordId);
        if (raws) raws.push(citation.raw);
        else cited.set(recordId, [citation.raw]);
      }
      if (cited.size === 0) continue;
      const text = manuscript.text.slice(block.start, block.end);
      const lowerCaseText = text.toLowerCase();
      const named = matchers
        .map((matcher) => ({ id: matcher.id, terms: matcher.find(text, lowerCaseText) }))
        .filter((match) => match.terms.length > 0);
      if (named.length === 0) continue;
      const place = manuscript.locate(block.start);
      const section = headingLabel(manuscript.sectionAt(block.start));
      for (const record of records) {
        const raws = cited.get(record.id);
        if (raws === undefined) continue;
        for (const concept of named) {
          const mention: DiscussionMention = {
            recordId: record.id,
            conceptId: concept.id,
            section,
            start: block.start,
            end: block.end,
            line: place.line,
            citations: raws,
            terms: concept.terms,
          };
          if (place.page !== undefined) mention.page = place.page;
          mentions.push(mention);
        }
      }
    }
  }

  // Pairs in record order, then concept order.
  const pairKey = (recordId: string, conceptId: string) => `${recordId}\u0000${conceptId}`;
  const pairMap = new Map<string, DiscussionMention[]>();
  for (const mention of mentions) {
    const key = pairKey(mention.recordId, mention.conceptId);
    const list = pairMap.get(key);
    if (list) list.push(mention);
    else pairMap.set(key, [mention]);
  }
  const pairs: DiscussionMap['pairs'] = [];
  for (const record of records) {
    for (const concept of concepts) {
      const found = pairMap.get(pairKey(record.id, concept.id));
      if (found)
        pairs.push({
          recordId: record.id,
          conceptId: concept.id,
          paragraphs: found.length,
          lines: found.map((m) => m.line),
        });
    }
  }

  const conceptById = new Map(concepts.map((concept) => [concept.id, concept]));
  const name = (recordId: string, lang: Lang) => {
    const record = recordById.get(recordId);
    return record ? narrativeCitation(record.entry.item, lang) : recordId;
  };
  const label = (conceptId: string): Localized =>
    conceptById.get(conceptId)?.label ?? { nb: conceptId, en: conceptId };
  // A finding as the article matrix shows it: its number there and its label, not its id.
  const findingNames = (recordId: string, findingIds: readonly string[], lang: Lang) => {
    const findings = recordById.get(recordId)?.findings ?? [];
    return findingIds
      .map((id) => {
        const index = findings.findIndex((finding) => finding.id === id);
        const heading = findings[index]?.label?.[lang];
        if (index < 0) return id;
        const word = lang === 'nb' ? 'funn' : 'finding';
        return heading
          ? `${word} ${index + 1} ${lang === 'nb' ? `«${heading}»` : `"${heading}"`}`
          : `${word} ${index + 1}`;
      })
      .join(', ');
  };

  if (discussion) {
    const headingPlace = manuscript.locate(discussion.heading.start);
    const chapterLabel = headingLabel(discussion.heading);
    // Coded links never discussed.
    for (const source of matrix.sources) {
      for (const cell of source.cells) {
        if (pairMap.has(pairKey(source.recordId, cell.conceptId))) continue;
        const diagnostic: Diagnostic = {
          rule: 'coded-link-not-discussed',
          severity: 'warning',
          message: {
            nb: `${name(source.recordId, 'nb')} er kodet til «${label(cell.conceptId).nb}» (${findingNames(source.recordId, cell.findingIds, 'nb')}), men drøftingen nevner dem aldri i samme avsnitt.`,
            en: `${name(source.recordId, 'en')} is coded to "${label(cell.conceptId).en}" (${findingNames(source.recordId, cell.findingIds, 'en')}), but the discussion never mentions them in the same paragraph.`,
          },
          file: manuscript.path,
          line: headingPlace.line,
          column: headingPlace.column,
          section: chapterLabel,
          key: source.recordId,
        };
        if (headingPlace.page !== undefined) diagnostic.page = headingPlace.page;
        diagnostics.push(diagnostic);
      }
    }
    // Discussed links never coded.
    const coded = new Set(
      matrix.sources.flatMap((source) =>
        source.cells.map((cell) => pairKey(source.recordId, cell.conceptId)),
      ),
    );
    for (const pair of pairs) {
      if (coded.has(pairKey(pair.recordId, pair.conceptId))) continue;
      const first = pairMap.get(pairKey(pair.recordId, pair.conceptId))![0]!;
      const place = manuscript.locate(first.start);
      const diagnostic: Diagnostic = {
        rule: 'discussed-link-not-coded',
        severity: 'info',
        message: {
          nb: `Drøftingen nevner ${name(pair.recordId, 'nb')} sammen med «${label(pair.conceptId).nb}» (${pair.paragraphs} avsnitt), men ingen funn fra artikkelen er kodet til begrepet.`,
          en: `The discussion mentions ${name(pair.recordId, 'en')} together with "${label(pair.conceptId).en}" (${pair.paragraphs} ${pair.paragraphs === 1 ? 'paragraph' : 'paragraphs'}), but no finding of the article is coded to the concept.`,
        },
        file: manuscript.path,
        line: place.line,
        column: place.column,
        section: first.section,
        raw: first.citations[0]!,
        key: pair.recordId,
      };
      if (place.page !== undefined) diagnostic.page = place.page;
      diagnostics.push(diagnostic);
    }
  }

  // Included articles missing from the results or discussion chapter.
  const countIn = (chapter: Chapter | undefined) => {
    const counts = new Map<string, number>();
    if (!chapter) return counts;
    for (const citation of citationsInRange(chapter.start, chapter.end)) {
      const recordId = resolve(citation);
      if (recordId !== undefined) counts.set(recordId, (counts.get(recordId) ?? 0) + 1);
    }
    return counts;
  };
  const resultsCounts = countIn(results);
  const discussionCounts = countIn(discussion);
  for (const [rule, chapter, counts, nb, en] of [
    [
      'source-missing-from-results',
      results,
      resultsCounts,
      'resultatkapitlet',
      'the results chapter',
    ],
    [
      'source-missing-from-discussion',
      discussion,
      discussionCounts,
      'drøftingskapitlet',
      'the discussion chapter',
    ],
  ] as const) {
    if (!chapter) continue;
    const place = manuscript.locate(chapter.heading.start);
    for (const record of records) {
      if (counts.has(record.id)) continue;
      const diagnostic: Diagnostic = {
        rule,
        severity: 'warning',
        message: {
          nb: `Den inkluderte artikkelen ${name(record.id, 'nb')} er ikke henvist til i ${nb} (${headingLabel(chapter.heading)}).`,
          en: `The included article ${name(record.id, 'en')} is not cited in ${en} (${headingLabel(chapter.heading)}).`,
        },
        file: manuscript.path,
        line: place.line,
        column: place.column,
        section: headingLabel(chapter.heading),
        key: record.id,
      };
      if (place.page !== undefined) diagnostic.page = place.page;
      diagnostics.push(diagnostic);
    }
  }

  return {
    chapterFound: discussion !== undefined,
    mentions,
    pairs,
    sources: records.map((record) => ({
      recordId: record.id,
      results: resultsCounts.get(record.id) ?? 0,
      discussion: discussionCounts.get(record.id) ?? 0,
    })),
    diagnostics: diagnostics.sort(compareDiagnostics),
  };
}

/**
 * Finds a chapter by its heading number ("5.0" or "5"): from its heading to the next heading of
 * another chapter (a numbered heading with another first number, or an unnumbered heading at the
 * same or a higher level, such as the reference list).
 */
export function findChapter(manuscript: Manuscript, number: string): Chapter | undefined {
  const wanted = chapterNumber(number);
  const headings = manuscript.headings;
  const index = headings.findIndex(
    (heading) =>
      heading.number !== undefined && normaliseNumber(heading.number) === normaliseNumber(number),
  );
  if (index < 0) return undefined;
  const heading = headings[index]!;
  let end = manuscript.text.length;
  for (const next of headings.slice(index + 1)) {
    const other = next.number === undefined ? undefined : chapterNumber(next.number);
    // A "heading" numbered like a year (a PDF line starting "2005 ...") is not a chapter.
    const endsChapter =
      other === undefined ? next.level <= heading.level : other !== wanted && Number(other) < 100;
    if (endsChapter) {
      end = next.start;
      break;
    }
  }
  return { heading, start: heading.start, end };
}

/**
 * Matches a citation to an included record by the first author's family name and the year
 * (letters such as "2019a" and diacritics ignored). Used when no resolver of @litsynth/check is given.
 */
export function matchCitationToRecord(
  citation: Citation,
  records: readonly MatrixRecord[],
): string | undefined {
  return recordMatcher(records)(citation);
}

/** `matchCitationToRecord` with the records indexed once, for many citations. */
function recordMatcher(
  records: readonly MatrixRecord[],
): (citation: Citation) => string | undefined {
  const byNameAndYear = new Map<string, string>();
  for (const record of records) {
    const first = authorNames(record.entry.item)[0];
    if (first === undefined) continue;
    const key = `${foldName(first)}|${entryYear(record.entry.item, 'nb')}`;
    if (!byNameAndYear.has(key)) byNameAndYear.set(key, record.id);
  }
  return (citation) => {
    const first = citation.authors[0];
    if (first === undefined || citation.year === null) return undefined;
    return byNameAndYear.get(`${foldName(first)}|${citation.year.replace(/[a-z]$/, '')}`);
  };
}

/** The index of the first citation starting at or after `offset` (citations sorted by start). */
function lowerBound(citations: readonly Citation[], offset: number): number {
  let low = 0;
  let high = citations.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (citations[middle]!.start < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

function foldName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}]/gu, '');
}

function normaliseNumber(number: string): string {
  return number.replace(/(\.0)+$/, '').replace(/\.$/, '');
}

function chapterNumber(number: string): string {
  return normaliseNumber(number).split('.')[0]!;
}

function headingLabel(heading: Heading | undefined): string {
  if (!heading) return '';
  return heading.number ? `${heading.number} ${heading.text}` : heading.text;
}
