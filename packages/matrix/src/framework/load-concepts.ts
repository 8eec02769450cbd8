import { compareDiagnostics, type Diagnostic, type Localized } from '@litsynth/common';
import { isMap, isScalar, isSeq, type YAMLMap } from 'yaml';
import { frameworkDiagnostic } from './rules.js';
import type {
  Concept,
  ConceptFramework,
  ConceptsOptions,
  ConceptsResult,
  Theory,
} from './types.js';
import { MapReader, pairOf, parseYamlFile, type YamlFile } from './yaml-reader.js';

const idPattern = /^[a-z][a-z0-9-]*$/;
const idExpected: Localized = {
  nb: 'en id med små bokstaver, tall og - («empathy»)',
  en: 'an id of lowercase letters, digits and - ("empathy")',
};
const rules = { invalid: 'concepts-invalid', unknownField: 'concepts-unknown-field' } as const;

/**
 * Parses a concept framework: theories, each with its concepts. Every problem is a diagnostic
 * with file and line; a broken theory or concept is skipped and the rest still loads.
 */
export function parseConcepts(
  text: string,
  file: string,
  options: ConceptsOptions = {},
): ConceptsResult {
  const diagnostics: Diagnostic[] = [];
  const framework: ConceptFramework = { file, theories: [], concepts: [] };
  const yaml = parseYamlFile(text, file, 'concepts-invalid', diagnostics);
  if (!yaml) return { framework, diagnostics };
  const root = yaml.doc.contents;
  const theoriesPair = isMap(root) ? pairOf(root, 'theories') : undefined;
  if (!isMap(root) || !theoriesPair || !isSeq(theoriesPair.value)) {
    diagnostics.push(
      frameworkDiagnostic('concepts-invalid', yaml.placeOf(theoriesPair?.value ?? root), {
        nb: 'Forventet feltet «theories»: en liste med teorier, hver med id, label og concepts.',
        en: 'Expected the field "theories": a list of theories, each with id, label and concepts.',
      }),
    );
    return { framework, diagnostics };
  }
  new MapReader(
    yaml,
    root,
    { nb: 'begrepsrammen', en: 'the concept framework' },
    rules,
    diagnostics,
  ).reportUnknownFields(['theories']);
  const entryIds = options.entryIds ? new Set(options.entryIds) : undefined;
  const theoryLines = new Map<string, number>();
  const conceptLines = new Map<string, number>();
  for (const item of theoriesPair.value.items) {
    if (!isMap(item)) {
      diagnostics.push(
        frameworkDiagnostic('concepts-invalid', yaml.placeOf(item), {
          nb: 'En teori må være et objekt med id, label og concepts.',
          en: 'A theory must be an object with id, label and concepts.',
        }),
      );
      continue;
    }
    const theory = readTheory(yaml, item, diagnostics);
    const earlier = theory ? theoryLines.get(theory.id) : undefined;
    if (theory && earlier !== undefined)
      diagnostics.push(duplicate('teorien', 'theory', theory.id, earlier, yaml.placeOf(item)));
    if (!theory || earlier !== undefined) {
      skippedConcepts(yaml, item, diagnostics);
      continue;
    }
    theoryLines.set(theory.id, theory.line);
    checkSource(
      theory.source,
      { nb: `teorien «${theory.id}»`, en: `theory "${theory.id}"` },
      yaml.placeOf(pairOf(item, 'source')?.value ?? item),
      entryIds,
      diagnostics,
    );
    framework.theories.push(theory);
    const conceptsPair = pairOf(item, 'concepts');
    for (const conceptItem of isSeq(conceptsPair?.value) ? conceptsPair.value.items : []) {
      if (!isMap(conceptItem)) {
        diagnostics.push(
          frameworkDiagnostic('concepts-invalid', yaml.placeOf(conceptItem), {
            nb: `Et begrep i teorien «${theory.id}» må være et objekt med id, label, definition og terms.`,
            en: `A concept of theory "${theory.id}" must be an object with id, label, definition and terms.`,
          }),
        );
        continue;
      }
      const concept = readConcept(yaml, conceptItem, theory, diagnostics);
      if (!concept) continue;
      const earlierConcept = conceptLines.get(concept.id);
      if (earlierConcept !== undefined) {
        diagnostics.push(
          duplicate('begrepet', 'concept', concept.id, earlierConcept, yaml.placeOf(conceptItem)),
        );
        continue;
      }
      conceptLines.set(concept.id, concept.line);
      const sourcePair = pairOf(conceptItem, 'source');
      if (sourcePair)
        checkSource(
          concept.source,
          { nb: `begrepet «${concept.id}»`, en: `concept "${concept.id}"` },
          yaml.placeOf(sourcePair.value),
          entryIds,
          diagnostics,
        );
      else if (concept.source === undefined) {
        diagnostics.push(
          frameworkDiagnostic('concepts-unknown-source', yaml.placeOf(conceptItem), {
            nb: `Begrepet «${concept.id}» har ingen kilde; forventet «source» med id-en til en post i litteraturlisten (her eller på teorien).`,
            en: `Concept "${concept.id}" has no source; expected "source" with the id of a bibliography entry (here or on its theory).`,
          }),
        );
      }
      theory.concepts.push(concept.id);
      framework.concepts.push(concept);
    }
  }
  return { framework, diagnostics: diagnostics.sort(compareDiagnostics) };
}

/** A theory that is skipped takes its concepts with it: say which, so none goes unnoticed. */
function skippedConcepts(yaml: YamlFile, theory: YAMLMap, diagnostics: Diagnostic[]): void {
  const concepts = pairOf(theory, 'concepts')?.value;
  const ids = isSeq(concepts)
    ? concepts.items
        .map((item) => (isMap(item) ? pairOf(item, 'id')?.value : undefined))
        .map((id) => (isScalar(id) ? String(id.value) : '?'))
    : [];
  if (ids.length === 0) return;
  diagnostics.push(
    frameworkDiagnostic('concepts-invalid', yaml.placeOf(concepts), {
      nb: `Teorien hoppes over, og med den ${ids.length === 1 ? 'begrepet' : 'begrepene'} ${ids.map((id) => `«${id}»`).join(', ')}.`,
      en: `The theory is skipped, and with it the concept${ids.length === 1 ? '' : 's'} ${ids.map((id) => `"${id}"`).join(', ')}.`,
    }),
  );
}

function readTheory(yaml: YamlFile, map: YAMLMap, diagnostics: Diagnostic[]): Theory | undefined {
  const idGuess = pairOf(map, 'id');
  const name = idGuess ? String((idGuess.value as { value?: unknown } | null)?.value ?? '') : '';
  const reader = new MapReader(
    yaml,
    map,
    { nb: `teorien «${name}»`, en: `theory "${name}"` },
    rules,
    diagnostics,
  );
  reader.reportUnknownFields(['id', 'label', 'source', 'concepts']);
  const id = reader.string('id', { required: true, pattern: idPattern, expected: idExpected });
  const label = reader.localized('label', { required: true });
  const source = reader.string('source', { required: false });
  const conceptsPair = pairOf(map, 'concepts');
  if (!conceptsPair || !isSeq(conceptsPair.value)) {
    if (conceptsPair)
      reader.invalid('concepts', conceptsPair, {
        nb: 'en liste med begreper',
        en: 'a list of concepts',
      });
    else reader.missing('concepts', { nb: 'en liste med begreper', en: 'a list of concepts' });
    return undefined;
  }
  if (id === undefined || label === undefined) return undefined;
  const theory: Theory = {
    id,
    label,
    concepts: [],
    file: reader.place.file,
    line: reader.place.line,
  };
  if (source !== undefined) theory.source = source;
  return theory;
}

function readConcept(
  yaml: YamlFile,
  map: YAMLMap,
  theory: Theory,
  diagnostics: Diagnostic[],
): Concept | undefined {
  const idGuess = pairOf(map, 'id');
  const name = idGuess ? String((idGuess.value as { value?: unknown } | null)?.value ?? '') : '';
  const reader = new MapReader(
    yaml,
    map,
    { nb: `begrepet «${name}»`, en: `concept "${name}"` },
    rules,
    diagnostics,
  );
  reader.reportUnknownFields(['id', 'label', 'definition', 'source', 'page', 'terms']);
  const id = reader.string('id', { required: true, pattern: idPattern, expected: idExpected });
  const label = reader.localized('label', { required: true });
  const definition = reader.localized('definition', { required: true });
  const source = reader.string('source', { required: false }) ?? theory.source;
  const page = reader.string('page', { required: false });
  const terms = readTerms(yaml, map, reader, name, diagnostics);
  if (id === undefined || label === undefined || definition === undefined) return undefined;
  const concept: Concept = {
    id,
    label,
    definition,
    theoryId: theory.id,
    theory: theory.label,
    terms,
    file: reader.place.file,
    line: reader.place.line,
  };
  if (source !== undefined) concept.source = source;
  if (page !== undefined) concept.page = page;
  return concept;
}

/**
 * The word forms of a concept: a list (used for text in either language), or `{ nb: [...], en:
 * [...] }` with one language or both. Without any, the concept still counts in the matrix; the
 * discussion map cannot find it in the text, which a warning says.
 */
function readTerms(
  yaml: YamlFile,
  map: YAMLMap,
  reader: MapReader,
  name: string,
  diagnostics: Diagnostic[],
): Concept['terms'] {
  const termsPair = pairOf(map, 'terms');
  const expected = {
    nb: 'en liste med ordformer, eller ordformer per språk ({ nb: [...], en: [...] })',
    en: 'a list of word forms, or word forms per language ({ nb: [...], en: [...] })',
  };
  let terms: Concept['terms'] = { nb: [], en: [] };
  if (termsPair && isSeq(termsPair.value)) {
    const forms = reader.stringList('terms', termsPair);
    terms = { nb: forms, en: forms };
  } else if (termsPair && isMap(termsPair.value)) {
    const termsReader = new MapReader(
      yaml,
      termsPair.value,
      { nb: `ordformene til «${name}»`, en: `the word forms of "${name}"` },
      rules,
      diagnostics,
    );
    termsReader.reportUnknownFields(['nb', 'en']);
    terms = { nb: termsReader.stringList('nb'), en: termsReader.stringList('en') };
  } else if (
    termsPair &&
    termsPair.value !== null &&
    !(isScalar(termsPair.value) && termsPair.value.value === null)
  ) {
    reader.invalid('terms', termsPair, expected);
  }
  if (terms.nb.length === 0 && terms.en.length === 0) {
    diagnostics.push(
      frameworkDiagnostic(
        'concepts-no-terms',
        reader.place,
        {
          nb: `Begrepet «${name}» har ingen ordformer («terms» / «ordformer»), så drøftingskartet finner det ikke i teksten; det er med i matrisen likevel.`,
          en: `Concept "${name}" has no word forms ("terms"), so the discussion map cannot find it in the text; it is still in the matrix.`,
        },
        { key: name },
      ),
    );
  }
  return terms;
}

function checkSource(
  source: string | undefined,
  what: Localized,
  place: { file: string; line: number; column: number },
  entryIds: Set<string> | undefined,
  diagnostics: Diagnostic[],
): void {
  if (source === undefined || entryIds === undefined || entryIds.has(source)) return;
  diagnostics.push(
    frameworkDiagnostic(
      'concepts-unknown-source',
      place,
      {
        nb: `Kilden «${source}» til ${what.nb} finnes ikke i litteraturlisten; forventet id-en til en post der.`,
        en: `The source "${source}" of ${what.en} is not in the bibliography; expected the id of an entry there.`,
      },
      { key: source },
    ),
  );
}

function duplicate(
  whatNb: string,
  whatEn: string,
  id: string,
  earlierLine: number,
  place: { file: string; line: number; column: number },
): Diagnostic {
  return frameworkDiagnostic(
    'concepts-duplicate-id',
    place,
    {
      nb: `Id-en «${id}» er allerede brukt av ${whatNb} på linje ${earlierLine}; forventet en unik id. Denne hoppes over.`,
      en: `The id "${id}" is already used by the ${whatEn} on line ${earlierLine}; expected a unique id. This one is skipped.`,
    },
    { key: id },
  );
}
