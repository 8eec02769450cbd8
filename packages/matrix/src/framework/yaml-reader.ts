import { closestName, completeLocalized, type Diagnostic, type Localized } from '@litsynth/common';
import { parseYamlDocument } from '@litsynth/common/yaml-document-full';
import { isMap, isScalar, isSeq, type Document, type Pair, type YAMLMap } from 'yaml';
import { frameworkDiagnostic, type FrameworkRuleId } from './rules.js';

/** A 1-based place in a file. */
export interface Place {
  file: string;
  line: number;
  column: number;
}

/** A parsed YAML file and the tools to read it field by field, with places for messages. */
export interface YamlFile {
  doc: Document;
  /** The file place of a YAML node (or of the file start when the node has no range). */
  placeOf(node: unknown): Place;
}

/**
 * Parses YAML keeping node positions. Syntax errors become diagnostics of `rule` and the result
 * is undefined: a file that is not YAML cannot be read in part reliably.
 */
export function parseYamlFile(
  text: string,
  file: string,
  rule: FrameworkRuleId,
  diagnostics: Diagnostic[],
): YamlFile | undefined {
  // Duplicate keys are reported by the readers with both places, not refused by the parser.
  const yaml = parseYamlDocument(text, { uniqueKeys: false });
  const placeOf = (node: unknown): Place => ({ file, ...yaml.placeOfNode(node) });
  if (yaml.errors.length > 0) {
    for (const error of yaml.errors) {
      diagnostics.push(
        frameworkDiagnostic(
          rule,
          { file, line: error.line, column: error.column },
          {
            nb: `Filen er ikke gyldig YAML (${error.code}): ${error.message}`,
            en: `The file is not valid YAML (${error.code}): ${error.message}`,
          },
        ),
      );
    }
    return undefined;
  }
  return { doc: yaml.document, placeOf };
}

/** The key of a pair as text (keys in our files are plain scalars). */
export function keyText(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}

/**
 * The Norwegian names of the fields of concepts.yaml and coding.yaml: a student may write
 * either (`navn:` or `label:`). Messages name the English field, which the documentation uses.
 */
export const norwegianFieldNames: Readonly<Record<string, string>> = {
  theories: 'teorier',
  concepts: 'begreper',
  label: 'navn',
  definition: 'definisjon',
  source: 'kilde',
  page: 'side',
  terms: 'ordformer',
  concept: 'begrep',
  relation: 'relasjon',
  note: 'merknad',
};

/** The field a key names: the English field name for a Norwegian one, else the key itself. */
export function fieldName(key: string): string {
  return Object.entries(norwegianFieldNames).find(([, norwegian]) => norwegian === key)?.[0] ?? key;
}

/** The pair of field `key` in a map (written with its English or its Norwegian name), or undefined. */
export function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((pair) => fieldName(keyText(pair)) === key);
}

/** A field reader for one YAML map: checks types and reports problems with the field's place. */
export class MapReader {
  constructor(
    private readonly yaml: YamlFile,
    readonly map: YAMLMap,
    /** What the map is, for messages ("concept «empathy»"). */
    private readonly what: Localized,
    private readonly rules: { invalid: FrameworkRuleId; unknownField: FrameworkRuleId },
    private readonly diagnostics: Diagnostic[],
  ) {}

  /** The place of the whole map. */
  get place(): Place {
    return this.yaml.placeOf(this.map);
  }

  /** The place of a field's key, or of the map when the field is absent. */
  placeOfKey(key: string): Place {
    const pair = pairOf(this.map, key);
    return this.yaml.placeOf(pair?.key ?? this.map);
  }

  /** Reports fields other than `allowed` (or their Norwegian names), with the closest allowed name, and a field given twice. */
  reportUnknownFields(allowed: readonly string[]): void {
    const seen = new Map<string, string>();
    for (const pair of this.map.items) {
      const key = keyText(pair);
      const field = fieldName(key);
      if (allowed.includes(field)) {
        const earlier = seen.get(field);
        if (earlier !== undefined && earlier !== key) {
          this.diagnostics.push(
            frameworkDiagnostic(this.rules.unknownField, this.yaml.placeOf(pair.key), {
              nb: `«${key}» og «${earlier}» er samme felt i ${this.what.nb}; bare «${earlier}» brukes.`,
              en: `"${key}" and "${earlier}" are the same field in ${this.what.en}; only "${earlier}" is used.`,
            }),
          );
        }
        seen.set(field, earlier ?? key);
        continue;
      }
      const names = [
        ...allowed,
        ...allowed
          .map((name) => norwegianFieldNames[name])
          .filter((name): name is string => name !== undefined),
      ];
      const closest = closestName(key, names);
      const hint = closest
        ? { nb: ` Mente du «${closest}»?`, en: ` Did you mean "${closest}"?` }
        : { nb: '', en: '' };
      this.diagnostics.push(
        frameworkDiagnostic(this.rules.unknownField, this.yaml.placeOf(pair.key), {
          nb: `Ukjent felt «${key}» i ${this.what.nb}; det ignoreres. Forventet ett av: ${allowed.join(', ')}.${hint.nb}`,
          en: `Unknown field "${key}" in ${this.what.en}; it is ignored. Expected one of: ${allowed.join(', ')}.${hint.en}`,
        }),
      );
    }
  }

  /** A text field; reports it when required and missing, or not text. */
  string(
    key: string,
    options: { required: boolean; pattern?: RegExp; expected?: Localized },
  ): string | undefined {
    const pair = pairOf(this.map, key);
    const expected = options.expected ?? { nb: 'en tekst', en: 'text' };
    if (
      !pair ||
      pair.value === null ||
      (isScalar(pair.value) && (pair.value.value === null || pair.value.value === ''))
    ) {
      if (options.required) this.missing(key, expected);
      return undefined;
    }
    const value = isScalar(pair.value) ? pair.value.value : undefined;
    if (
      (typeof value !== 'string' && typeof value !== 'number') ||
      (options.pattern && !options.pattern.test(String(value)))
    ) {
      this.invalid(key, pair, expected);
      return undefined;
    }
    return String(value);
  }

  /**
   * A text: plain (it serves both languages), or `{ nb, en }` with one language or both (a missing
   * one shows the other, marked). Reports it when required and missing, or malformed.
   */
  localized(key: string, options: { required: boolean }): Localized | undefined {
    const pair = pairOf(this.map, key);
    const expected = {
      nb: 'en tekst, eller tekst per språk ({ nb: … }, { en: … } eller begge; ett språk holder)',
      en: 'text, or text per language ({ nb: … }, { en: … } or both; one language is enough)',
    };
    if (
      !pair ||
      pair.value === null ||
      (isScalar(pair.value) && (pair.value.value === null || pair.value.value === ''))
    ) {
      if (options.required) this.missing(key, expected);
      return undefined;
    }
    if (
      isScalar(pair.value) &&
      (typeof pair.value.value === 'string' || typeof pair.value.value === 'number') &&
      String(pair.value.value).trim() !== ''
    ) {
      const text = String(pair.value.value).trim();
      return { nb: text, en: text };
    }
    if (
      !isMap(pair.value) ||
      pair.value.items.some((item) => !['nb', 'en'].includes(keyText(item)))
    ) {
      this.invalid(key, pair, expected);
      return undefined;
    }
    const text = (entry: Pair | undefined) =>
      entry && isScalar(entry.value) && typeof entry.value.value === 'string'
        ? entry.value.value.trim()
        : undefined;
    const whole = completeLocalized({
      nb: text(pairOf(pair.value, 'nb')) ?? '',
      en: text(pairOf(pair.value, 'en')) ?? '',
    });
    if (whole === undefined) this.invalid(key, pair, expected);
    return whole;
  }

  /** A list of texts (absent → empty); a non-text item is reported and left out. */
  stringList(key: string, where: Pair | undefined = pairOf(this.map, key)): string[] {
    if (!where || where.value === null) return [];
    const expected = { nb: 'en liste med tekster', en: 'a list of texts' };
    if (!isSeq(where.value)) {
      this.invalid(key, where, expected);
      return [];
    }
    const result: string[] = [];
    for (const item of where.value.items) {
      if (
        isScalar(item) &&
        (typeof item.value === 'string' || typeof item.value === 'number') &&
        String(item.value).trim() !== ''
      )
        result.push(String(item.value).trim());
      else this.invalid(key, { key: where.key, value: item } as Pair, expected);
    }
    return result;
  }

  /** Reports a missing required field. */
  missing(key: string, expected: Localized): void {
    this.diagnostics.push(
      frameworkDiagnostic(this.rules.invalid, this.place, {
        nb: `Påkrevd felt «${norwegianFieldNames[key] ?? key}»${norwegianFieldNames[key] ? ` (eller «${key}»)` : ''} mangler i ${this.what.nb}; forventet ${expected.nb}.`,
        en: `Missing required field "${key}" in ${this.what.en}; expected ${expected.en}.`,
      }),
    );
  }

  /** Reports a field with a wrong type or value. */
  invalid(key: string, pair: Pair, expected: Localized): void {
    const found = isScalar(pair.value)
      ? `«${String(pair.value.value)}»`
      : isSeq(pair.value)
        ? 'en liste'
        : isMap(pair.value)
          ? 'et objekt'
          : 'tomt';
    const foundEn = isScalar(pair.value)
      ? `"${String(pair.value.value)}"`
      : isSeq(pair.value)
        ? 'a list'
        : isMap(pair.value)
          ? 'an object'
          : 'empty';
    // The field as the student wrote it ("navn" or "label").
    const written = isScalar(pair.key) ? String(pair.key.value) : key;
    this.diagnostics.push(
      frameworkDiagnostic(this.rules.invalid, this.yaml.placeOf(pair.value ?? pair.key), {
        nb: `Feltet «${written}» i ${this.what.nb} er ${found}; forventet ${expected.nb}.`,
        en: `The field "${written}" in ${this.what.en} is ${foundEn}; expected ${expected.en}.`,
      }),
    );
  }
}
