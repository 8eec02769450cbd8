// Name comparison for resolution. Two levels: `normalizeName` keeps the letters (so "Natland" and
// "Netland" differ, "Arbeids- og sosialdepartementet" and "arbeids-, og sosialdepartementet" do
// not), `foldName` also folds the Nordic and accented letters, which students and PDF extraction
// mix up (ø/o/oe, å/aa, æ/ae, é/e, ä/æ, ö/ø).

const folds: Record<string, string> = {
  æ: 'ae',
  ä: 'ae',
  ø: 'o',
  ö: 'o',
  œ: 'oe',
  å: 'a',
  ß: 'ss',
};

/** The function, remembering its result for each name: names repeat across citations and references. */
function cachedPerName(compute: (name: string) => string): (name: string) => string {
  const results = new Map<string, string>();
  return (name) => {
    let result = results.get(name);
    if (result === undefined) {
      result = compute(name);
      results.set(name, result);
    }
    return result;
  };
}

/** Lower-cased name with punctuation and spacing collapsed: the "same spelling" test. */
export const normalizeName = cachedPerName(normalizeUncached);

function normalizeUncached(name: string): string {
  return name
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A name reduced to plain ASCII letters: the basis of the edit distance ("Røkenes" → "rokenes"). */
export const foldName = cachedPerName(foldUncached);

function foldUncached(name: string): string {
  const lower = normalizeName(name);
  let ascii = '';
  for (const character of lower) {
    const fold = folds[character];
    if (fold !== undefined) ascii += fold;
    else ascii += character.normalize('NFD').replace(/\p{M}+/gu, '');
  }
  // "oe" and "aa" are the ASCII spellings of ø and å; fold them too so "Fossestoel" meets "Fossestøl".
  return ascii.replace(/oe/g, 'o').replace(/aa/g, 'a').replace(/ /g, '');
}

/**
 * How many edits a misspelt name may have and still be taken for the entry's name: one for
 * short names ("Berge" for "Berg"), two from eight letters ("Kirkegaard" for "Kierkegaard").
 */
export function spellingTolerance(folded: string): number {
  if (folded.length <= 3) return 0;
  return folded.length >= 8 ? 2 : 1;
}

/** Initials of the significant words of an organisation's name ("Store norske leksikon" → "snl"). */
export function initialsOf(name: string): string {
  return normalizeName(name)
    .split(' ')
    .filter((word) => word.length > 0 && !['og', 'for', 'i', 'and', 'of', 'the'].includes(word))
    .map((word) => word[0])
    .join('');
}
