import { closestName, compareDiagnostics, type Diagnostic } from '@litsynth/common';
import { isMap, isScalar, isSeq } from 'yaml';
import type { Relation } from '../types.js';
import { frameworkDiagnostic } from './rules.js';
import type { Coding, CodingContext, CodingLink, CodingResult } from './types.js';
import { keyText, MapReader, parseYamlFile } from './yaml-reader.js';

/** The relations a link may have, by the words a student may write for them (English or Norwegian). */
export const relationWords: Readonly<Record<string, Relation>> = {
  supports: 'supports',
  støtter: 'supports',
  nuances: 'nuances',
  nyanserer: 'nuances',
  contradicts: 'contradicts',
  motsier: 'contradicts',
  utfordrer: 'contradicts',
};
const rules = { invalid: 'coding-invalid', unknownField: 'coding-unknown-field' } as const;

/**
 * Parses a coding: finding id → list of `{ concept, relation, note? }`. Links to unknown findings
 * or concepts, bad relations and repeated links are diagnostics with file and line; the other
 * links still load.
 */
export function parseCoding(text: string, file: string, context: CodingContext): CodingResult {
  const diagnostics: Diagnostic[] = [];
  const coding: Coding = { file, links: [] };
  const yaml = parseYamlFile(text, file, 'coding-invalid', diagnostics);
  if (!yaml) return { coding, diagnostics };
  const root = yaml.doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return { coding, diagnostics };
  if (!isMap(root)) {
    diagnostics.push(
      frameworkDiagnostic('coding-invalid', yaml.placeOf(root), {
        nb: 'Forventet funn-id-er som nøkler, hver med en liste av { concept, relation, note }.',
        en: 'Expected finding ids as keys, each with a list of { concept, relation, note }.',
      }),
    );
    return { coding, diagnostics };
  }
  const findingIds = new Set(
    context.records.flatMap((record) => record.findings.map((finding) => finding.id)),
  );
  const conceptIds = new Set(context.concepts.map((concept) => concept.id));
  const conceptList = [...conceptIds];
  const findingLines = new Map<string, number>();
  const linkLines = new Map<string, number>();
  for (const pair of root.items) {
    const finding = keyText(pair);
    const keyPlace = yaml.placeOf(pair.key);
    const earlierFinding = findingLines.get(finding);
    if (earlierFinding !== undefined) {
      diagnostics.push(
        frameworkDiagnostic(
          'coding-invalid',
          keyPlace,
          {
            nb: `Funnet «${finding}» står to ganger (første gang på linje ${earlierFinding}); forventet hvert funn én gang. Koblingene her leses likevel.`,
            en: `The finding "${finding}" is listed twice (first on line ${earlierFinding}); expected each finding once. Its links here are still read.`,
          },
          { key: finding },
        ),
      );
    } else findingLines.set(finding, keyPlace.line);
    if (!findingIds.has(finding)) {
      const closest = closestName(finding, [...findingIds]);
      diagnostics.push(
        frameworkDiagnostic(
          'coding-unknown-finding',
          keyPlace,
          {
            nb: `Funnet «${finding}» finnes ikke i noen inkludert kildepost; koblingene hoppes over.${closest ? ` Mente du «${closest}»?` : ''}`,
            en: `The finding "${finding}" is not in any included source record; its links are skipped.${closest ? ` Did you mean "${closest}"?` : ''}`,
          },
          { key: finding },
        ),
      );
      continue;
    }
    if (pair.value === null || (isScalar(pair.value) && pair.value.value === null)) continue;
    if (!isSeq(pair.value)) {
      diagnostics.push(
        frameworkDiagnostic(
          'coding-invalid',
          yaml.placeOf(pair.value),
          {
            nb: `Koblingene til «${finding}» må være en liste av { concept, relation, note }.`,
            en: `The links of "${finding}" must be a list of { concept, relation, note }.`,
          },
          { key: finding },
        ),
      );
      continue;
    }
    for (const item of pair.value.items) {
      if (!isMap(item)) {
        diagnostics.push(
          frameworkDiagnostic(
            'coding-invalid',
            yaml.placeOf(item),
            {
              nb: `En kobling til «${finding}» må være et objekt { concept, relation, note }.`,
              en: `A link of "${finding}" must be an object { concept, relation, note }.`,
            },
            { key: finding },
          ),
        );
        continue;
      }
      const reader = new MapReader(
        yaml,
        item,
        { nb: `en kobling til «${finding}»`, en: `a link of "${finding}"` },
        rules,
        diagnostics,
      );
      reader.reportUnknownFields(['concept', 'relation', 'note']);
      const concept = reader.string('concept', {
        required: true,
        expected: {
          nb: 'id-en til et begrep i concepts.yaml',
          en: 'the id of a concept in concepts.yaml',
        },
      });
      const relationText = reader.string('relation', {
        required: true,
        expected: {
          nb: 'støtter, nyanserer eller motsier',
          en: 'supports, nuances or contradicts',
        },
      });
      const note = reader.localized('note', { required: false });
      const place = reader.place;
      if (concept === undefined || relationText === undefined) continue;
      const relation = relationWords[relationText.trim().toLowerCase()];
      if (relation === undefined) {
        diagnostics.push(
          frameworkDiagnostic(
            'coding-invalid-relation',
            reader.placeOfKey('relation'),
            {
              nb: `Relasjonen «${relationText}» er ukjent; forventet støtter, nyanserer eller motsier (utfordrer), eller på engelsk supports, nuances eller contradicts.`,
              en: `The relation "${relationText}" is unknown; expected supports, nuances or contradicts (or in Norwegian støtter, nyanserer, motsier or utfordrer).`,
            },
            { key: finding },
          ),
        );
        continue;
      }
      if (!conceptIds.has(concept)) {
        const closest = closestName(concept, conceptList);
        diagnostics.push(
          frameworkDiagnostic(
            'coding-unknown-concept',
            reader.placeOfKey('concept'),
            {
              nb: `Begrepet «${concept}» finnes ikke i begrepsrammen; koblingen hoppes over.${closest ? ` Mente du «${closest}»?` : ''}`,
              en: `The concept "${concept}" is not in the concept framework; the link is skipped.${closest ? ` Did you mean "${closest}"?` : ''}`,
            },
            closest
              ? {
                  key: finding,
                  suggestion: { nb: `Skriv «${closest}».`, en: `Write "${closest}".` },
                }
              : { key: finding },
          ),
        );
        continue;
      }
      const linkKey = `${finding}\u0000${concept}`;
      const earlierLink = linkLines.get(linkKey);
      if (earlierLink !== undefined) {
        diagnostics.push(
          frameworkDiagnostic(
            'coding-duplicate-link',
            place,
            {
              nb: `Funnet «${finding}» er allerede koblet til «${concept}» på linje ${earlierLink}; den første koblingen gjelder.`,
              en: `The finding "${finding}" is already linked to "${concept}" on line ${earlierLink}; the first link counts.`,
            },
            { key: finding },
          ),
        );
        continue;
      }
      linkLines.set(linkKey, place.line);
      const link: CodingLink = { finding, concept, relation, file, line: place.line };
      if (note !== undefined) link.note = note;
      coding.links.push(link);
    }
  }
  return { coding, diagnostics: diagnostics.sort(compareDiagnostics) };
}
