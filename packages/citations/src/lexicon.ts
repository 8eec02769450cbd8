// Word lists and small patterns shared by the scanner. Kept in one place so that the corpus can
// be extended by editing data, not control flow.

/** Name particles written in lower case before a family name ("van der Berg", "de Vries", "da Silva"). */
export const particles = new Set([
  'van',
  'von',
  'de',
  'der',
  'den',
  'del',
  'della',
  'di',
  'da',
  'das',
  'dos',
  'des',
  'du',
  'la',
  'le',
  'ten',
  'ter',
  'af',
  'zu',
  "d'",
]);

/**
 * The particles that open a family name capitalised ("De Dreu", "Van Emmerik", "Da Silva"). Some
 * are Norwegian words too ("Da" when, "Den" the, "Der" there, "Du" you, "La" let): in running text
 * they count as a particle only inside a sentence, never at its start ("Da Hansen (2019) skrev …").
 */
export const capitalisedParticles = new Set([
  'Van',
  'Von',
  'De',
  'Di',
  'Del',
  'Della',
  'Des',
  'Dos',
  'Das',
  'Le',
  'Ten',
  'Ter',
  'Af',
  'Zu',
  'Da',
  'Du',
  'La',
  'Den',
  'Der',
]);
export const sentenceWordParticles = new Set(['Da', 'Du', 'La', 'Den', 'Der']);

/**
 * The hyphens a name may hold: the ASCII hyphen-minus, and U+2010 HYPHEN and U+2011 NON-BREAKING
 * HYPHEN, which Word and reference managers write ("Galiano‐Castillo"). For a character class.
 */
export const hyphenClass = '\\-\u2010\u2011';

/**
 * One word of a family name: capitalised, hyphenated parts ("Riis-Johansen", "El‐Masri"),
 * apostrophes ("O'Brien"), a particle written together with the name ("deCharms", "McDonald",
 * "d'Alembert"), and combining marks, since text from a Mac may hold "å" as "a" + U+030A (NFD).
 */
export const particlePrefix = "(?:de|da|di|du|la|le|van|von|mac|mc)(?=\\p{Lu})|[dD]['’](?=\\p{Lu})";
export const nameWord = new RegExp(
  `^(?:${particlePrefix})?\\p{Lu}[\\p{L}\\p{M}'’]*(?:[${hyphenClass}][\\p{L}\\p{M}][\\p{L}\\p{M}'’]*)*$`,
  'u',
);

/** "et al." and its Norwegian equivalents, as written (also the sloppy "et al" and "et. al."). */
export const etAlPattern =
  '(?:et\\.?\\s{0,6}al\\.?|mfl\\.?|m\\.\\s?fl\\.?|med flere|og medarbeidere|og kollegaer|med kollegaer|og kolleger|med kolleger|and colleagues)';

/** Markers of a secondary citation, longest first. */
export const secondaryMarkerPattern =
  '(?:(?:gjengitt|sitert|henvist|referert|omtalt) i|(?:as )?cited in|quoted in|referred to in)';

/**
 * Prefixes that may open a work inside a parenthesis ("se også", "e.g.,"), longest first so
 * that "se også" wins over "se".
 */
export const prefixPattern =
  '(?:se for eksempel|se f\\.eks\\.|se blant annet|se bl\\.a\\.|se også|se eksempelvis|se særlig|se|jf\\.|jfr\\.|jf|for eksempel|eksempelvis|f\\.eks\\.|bl\\.a\\.|blant annet|blant andre|også|særlig|spesielt|e\\.g\\.|i\\.e\\.|see also|see especially|see|cf\\.|for example|for a review,? see|especially)';

/** The label of a locator as written, longest first. */
export const locatorLabelPattern =
  '(?:sider|side|artikkel|art\\.|pkt\\.|punkt|ss\\.|s\\.|s,|s(?=\\s*\\d)|pp\\.|pp(?=\\s*\\d)|p\\.|p(?=\\s*\\d)|kapittel|kap\\.|kap(?=\\s*\\d)|chapter|chap\\.|ch\\.|para\\.|paras\\.|avsn\\.|avsnitt|§§|§)';

// Chapters and points may be numbered in parts: "kap. 4.2", "punkt 1.3".
const pageOrRange =
  '\\d{1,5}(?:\\.\\d{1,3})*(?:\\s?[-–—]\\s?\\d{1,5}(?:\\.\\d{1,3})*)?(?:\\s?ff?\\.)?';
/**
 * A locator value: a number or a range with hyphen or dash, optionally "f." / "ff.", or a list of
 * them ("12-13, 45", "12 og 45"). A four-digit year never continues a list ("s.22, 2016" is a page
 * and a second year).
 */
export const locatorValuePattern = `${pageOrRange}(?:\\s?(?:,|og|and|&)\\s?(?!(?:1[5-9]|20)\\d\\d(?!\\d))${pageOrRange})*`;

/** Years without a number: Norwegian "u.å." (uten år), English "n.d.", and "in press". */
export const undatedPattern =
  '(?:u\\.\\s?å\\.?|n\\.\\s?d\\.?|udatert|in press|i trykk|under utgivelse|forthcoming)';

/**
 * Capitalised words that start sentences or label things and are never an author in a narrative
 * citation ("Tabell (2020)", "I (2005)").
 */
export const notAuthorWords = new Set(
  [
    'i',
    'a',
    'og',
    'men',
    'det',
    'den',
    'de',
    'dette',
    'denne',
    'disse',
    'der',
    'da',
    'når',
    'som',
    'etter',
    'fra',
    'for',
    'til',
    'med',
    'om',
    'på',
    'av',
    'ved',
    'under',
    'over',
    'ifølge',
    'iflg',
    'jf',
    'se',
    'tabell',
    'figur',
    'kapittel',
    'vedlegg',
    'del',
    'side',
    'punkt',
    'avsnitt',
    'studien',
    'studiene',
    'artikkelen',
    'artiklene',
    'rapporten',
    'boken',
    'boka',
    'loven',
    'reformen',
    'tiltaket',
    'the',
    'in',
    'this',
    'these',
    'those',
    'it',
    'according',
    'table',
    'figure',
    'chapter',
    'appendix',
    'section',
    'part',
    'see',
    'and',
    'but',
    'since',
    'from',
    'until',
    'by',
    'januar',
    'februar',
    'mars',
    'april',
    'mai',
    'juni',
    'juli',
    'august',
    'september',
    'oktober',
    'november',
    'desember',
    'january',
    'february',
    'march',
    'may',
    'june',
    'july',
    'october',
    'december',
    'våren',
    'høsten',
    'sommeren',
    'vinteren',
    'spring',
    'autumn',
    'summer',
    'winter',
    'fall',
    'ca',
    // Countries and cities stand before a year in prose ("i Norge (2020)"), never as authors.
    'norge',
    'sverige',
    'danmark',
    'finland',
    'island',
    'europa',
    'oslo',
    'bergen',
    'trondheim',
    'stavanger',
    'tromsø',
    'kristiansand',
    'drammen',
    'bodø',
    'norway',
    'sweden',
    'denmark',
    'europe',
    'england',
    'usa',
    'canada',
    'australia',
    'tyskland',
    'germany',
    'år',
    'året',
    'year',
  ].map((w) => w.toLowerCase()),
);

/**
 * Endings of Norwegian and English organisation names ("Helsedirektoratet",
 * "Arbeids- og sosialdepartementet", "World Health Organization").
 */
const organisationEndings = [
  'direktoratet',
  'direktorat',
  'departementet',
  'departement',
  'tilsynet',
  'etaten',
  'organisasjonen',
  'forbundet',
  'forbund',
  'foreningen',
  'forening',
  'rådet',
  'instituttet',
  'institutt',
  'senteret',
  'senter',
  'sentralbyrå',
  'byrå',
  'kommune',
  'fylkeskommune',
  'universitetet',
  'universitet',
  'høgskole',
  'høgskolen',
  'kontoret',
  'verket',
  'styret',
  'utvalget',
  'ombudet',
  'nemnda',
  'stortinget',
  'regjeringen',
  'leksikon',
  'organization',
  'organisation',
  'association',
  'institute',
  'department',
  'ministry',
  'agency',
  'council',
  'office',
  'foundation',
  'university',
  'society',
  'centre',
  'center',
  'board',
  'commission',
  'committee',
  'service',
  'services',
  'tjenesten',
  'tjeneste',
  'programme',
  'program',
  'komiteene',
  'komiteen',
  'komité',
  'biblioteket',
  'bibliotek',
  'loven',
  'lova',
  'konvensjonen',
  'convention',
  'forskriften',
  'act',
  'forvaltningen',
  'bureau',
  'federation',
];
// The last three letters of every ending: a quick "no" for most words.
const organisationTails = new Set(organisationEndings.map((ending) => ending.slice(-3)));
const endingsByLength = new Map<number, Set<string>>();
for (const ending of organisationEndings) {
  const set = endingsByLength.get(ending.length) ?? new Set<string>();
  set.add(ending);
  endingsByLength.set(ending.length, set);
}

/**
 * Whether a word ends like an organisation's name ("Helsedirektoratet", "sosialdepartementet",
 * "Organization"). A set lookup per suffix length: this runs for every name the scanner meets.
 */
export function endsLikeOrganisation(word: string): boolean {
  if (word.length < 3 || !organisationTails.has(word.slice(-3).toLowerCase())) return false;
  const lower = word.toLowerCase();
  for (const [length, endings] of endingsByLength) {
    if (lower.length >= length && endings.has(lower.slice(lower.length - length))) return true;
  }
  return false;
}

/** Lower-case words that may stand inside an organisation's name ("Statistisk sentralbyrå"). */
export const corporateJoinWords = new Set([
  'og',
  'for',
  'i',
  'på',
  'av',
  'of',
  'and',
  'the',
  'on',
  'in',
  '&',
]);

/**
 * Words that follow a narrative citation and show that a name ending in "s" is the name itself
 * ("Jenkins (2008) viser"), not a genitive ("Honneths (2008) teori").
 */
export const narrativeFollowers = new Set([
  'viser',
  'skriver',
  'hevder',
  'mener',
  'påpeker',
  'beskriver',
  'forklarer',
  'fant',
  'finner',
  'refererer',
  'understreker',
  'argumenterer',
  'definerer',
  'sier',
  'peker',
  'legger',
  'vektlegger',
  'fremhever',
  'framhever',
  'konkluderer',
  'drøfter',
  'diskuterer',
  'presenterer',
  'omtaler',
  'bruker',
  'har',
  'er',
  'var',
  'ble',
  'blir',
  'kan',
  'og',
  'i',
  'om',
  'at',
  'som',
  'sin',
  'sine',
  'sitt',
  'fokuserte',
  'dokumenterer',
  'støtter',
  'trekker',
  'belyser',
  'anbefaler',
  'undersøkte',
  'fremholder',
  'poengterer',
  'så',
  'også',
  'argues',
  'argued',
  'states',
  'stated',
  'found',
  'finds',
  'shows',
  'showed',
  'shown',
  'suggests',
  'suggested',
  'notes',
  'noted',
  'reports',
  'reported',
  'describes',
  'described',
  'claims',
  'claimed',
  'defines',
  'defined',
  'explains',
  'explained',
  'and',
  'in',
  'has',
  'have',
  'had',
  'is',
  'was',
  'were',
  'also',
  'emphasizes',
  'emphasises',
  'emphasized',
  'points',
  'pointed',
  'concluded',
  'concludes',
  'proposes',
  'proposed',
  'writes',
  'wrote',
  'observed',
  'observes',
  'demonstrated',
  'demonstrates',
  'discusses',
  'discussed',
  'identified',
  'identifies',
  'for',
  'of',
  'on',
  'to',
  'that',
  'who',
  'which',
]);
