import type { RuleDefinition } from '@litsynth/common';

// Rule ids are released names: never rename one. Severities follow DESIGN "Signal before noise":
// error — the reader cannot find the source or the data is wrong; warning — a style rule the
// supervisor will correct; info — consistency of form.

/** Every rule of the source-use check, in the order the summary lists them. */
export const checkRules: RuleDefinition[] = [
  {
    id: 'no-reference-list',
    name: { nb: 'Ingen litteraturliste', en: 'No reference list' },
    severity: 'error',
    description: {
      nb: 'Manuskriptet har ingen litteraturliste, så leseren kan ikke finne kildene.',
      en: 'The manuscript has no reference list, so the reader cannot find the sources.',
    },
    example: 'A thesis that ends without a "Litteraturliste" section.',
  },
  {
    id: 'unresolved-citation',
    name: { nb: 'Henvisning uten oppføring', en: 'Citation without an entry' },
    severity: 'error',
    description: {
      nb: 'Henvisningen svarer ikke til noen oppføring i litteraturlisten eller bibliografien.',
      en: 'The citation matches no entry of the reference list or bibliography.',
    },
    example: '(Chudasama, 2017) with no Chudasama in the bibliography',
  },
  {
    id: 'author-misspelled',
    name: { nb: 'Feilstavet forfatter', en: 'Misspelled author' },
    severity: 'error',
    description: {
      nb: 'Et forfatternavn er stavet annerledes enn i oppføringen det trolig viser til.',
      en: 'An author name is spelled differently from the entry it most likely means.',
    },
    example: '(Netland et al., 2020) for the entry Natland, Bjerke & Torstensen (2019)',
  },
  {
    id: 'coauthor-mismatch',
    name: { nb: 'Feil medforfattere', en: 'Wrong co-authors' },
    severity: 'error',
    description: {
      nb: 'Henvisningen utelater medforfattere oppføringen har, eller nevner noen den ikke har.',
      en: 'The citation leaves out co-authors the entry has, or names co-authors it does not have.',
    },
    example: '(Eide, 2016) for the entry Eide & Eide (2016)',
  },
  {
    id: 'year-mismatch',
    name: { nb: 'Feil årstall', en: 'Wrong year' },
    severity: 'error',
    description: {
      nb: 'Årstallet i henvisningen er et annet enn i oppføringen.',
      en: 'The year of the citation differs from the year of the entry.',
    },
    example: '(Natland et al., 2020) for an entry published in 2019',
  },
  {
    id: 'cited-under-publisher',
    name: { nb: 'Henvist under utgiveren', en: 'Cited under the publisher' },
    severity: 'error',
    description: {
      nb: 'Henvisningen nevner organisasjonen som ga ut verket (et departement), ikke forfatteren verket står under i litteraturlisten.',
      en: 'The citation names the organisation that published the work (a ministry), not the author the reference list has it under.',
    },
    example: '(Arbeids- og sosialdepartementet, 2015) for the report of Ekspertgruppen for gjennomgang av NAV (2015), published by the ministry',
  },
  {
    id: 'inconsistent-citation',
    name: { nb: 'Samme verk henvist ulikt', en: 'One work cited in different ways' },
    severity: 'error',
    description: {
      nb: 'Samme verk er henvist til med ulike årstall eller navneformer i oppgaven.',
      en: 'The same work is cited with different years or name spellings across the thesis.',
    },
    example: '(Riis-Johansen et al., 2018) in one chapter and (Riis-Johansen et al., 2020) in another',
  },
  {
    id: 'missing-year',
    name: { nb: 'Årstall mangler', en: 'Missing year' },
    severity: 'error',
    description: {
      nb: 'Henvisningen mangler årstall (skriv «u.å.» når verket ikke har noe).',
      en: 'The citation has no year (write "n.d." when the work has none).',
    },
    example: '(Liseth & Tellemann, s. 16–18)',
  },
  {
    id: 'not-a-year',
    name: { nb: 'Ikke et årstall', en: 'Not a year' },
    severity: 'error',
    description: {
      nb: 'Det står noe annet enn et årstall der årstallet skal stå.',
      en: 'Something other than a year stands where the year belongs.',
    },
    example: '(Meld. St. 33, rapporten)',
  },
  {
    id: 'missing-author',
    name: { nb: 'Forfatter mangler', en: 'Missing author' },
    severity: 'error',
    description: {
      nb: 'Henvisningen har bare årstall, og ingen forfatter står foran den.',
      en: 'The citation has only a year, and no author precedes it.',
    },
    example: '… til det beste for brukeren (2013, s. 31–33).',
  },
  {
    id: 'year-far-from-author',
    name: { nb: 'Årstall langt fra forfatteren', en: 'Year far from its author' },
    severity: 'warning',
    description: {
      nb: 'Et årstall i parentes står langt fra forfatteren det hører til (nevnt tidligere i setningen); årstallet skal stå rett etter navnet.',
      en: 'A year in parentheses stands far from the author it belongs to (named earlier in the sentence); the year belongs right after the name.',
    },
    example: 'Gorzelitz et al. reported gains in strength and agility after ten weeks (2021).',
  },
  {
    id: 'author-without-year',
    name: { nb: 'Forfatter nevnt uten årstall', en: 'Author named without a year' },
    severity: 'warning',
    description: {
      nb: 'En forfatter fra litteraturlisten nevnes i teksten som kilde til en påstand, uten årstall, og ingen henvisning med årstall til forfatteren står like ved.',
      en: 'An author of the reference list is named in the text as the source of a claim, without a year, and no dated citation of that author stands near.',
    },
    example: 'Lundberg & Syltevik stiller spørsmål ved … (no year, no dated citation of them in the sentences around)',
  },
  {
    id: 'citation-given-name',
    name: { nb: 'Fornavn i henvisningen', en: 'Given name in the citation' },
    severity: 'warning',
    description: {
      nb: 'Henvisningen har med et fornavn (eller annet rusk fra et referanseverktøy som EndNote); APA henviser med etternavn.',
      en: 'The citation carries a given name (or other debris from a reference manager such as EndNote); APA cites by family name.',
    },
    example: '(Despoina Xanthopoulou, 2012) where the list has Xanthopoulou, D. (2012)',
  },
  {
    id: 'secondary-source-missing',
    name: { nb: 'Sekundærkilden mangler i listen', en: 'Secondary source not listed' },
    severity: 'error',
    description: {
      nb: 'Kilden som faktisk er lest i en sekundærhenvisning, står ikke i litteraturlisten.',
      en: 'The source actually read in a secondary citation is not in the reference list.',
    },
    example: '(Søren Kirkegaard gjengitt i Melberg, 2017) with no Melberg (2017) entry',
  },
  {
    id: 'secondary-original-listed',
    name: { nb: 'Originalen står i listen', en: 'Original work listed' },
    severity: 'warning',
    description: {
      nb: 'Originalverket i en sekundærhenvisning står i litteraturlisten; der skal bare kilden du har lest stå.',
      en: 'The original work of a secondary citation is in the reference list; only the source read belongs there.',
    },
    example: '(Kvam, 2004, sitert i Kristiansen, 2022) with an entry for Kvam (2004)',
  },
  {
    id: 'secondary-citation-form',
    name: { nb: 'Sekundærhenvisning skrevet feil', en: 'Secondary citation written wrongly' },
    severity: 'warning',
    description: {
      nb: 'Sekundærhenvisningen navngir ikke originalen med etternavn og årstall: (Kierkegaard, 1859, sitert i Melberg, 2017).',
      en: 'The secondary citation does not name the original by family name and year: (Kierkegaard, 1859, as cited in Melberg, 2017).',
    },
    example: '(Søren Kirkegaard gjengitt i Melberg, 2017)',
  },
  {
    id: 'quotation-without-page',
    name: { nb: 'Sitat uten sidetall', en: 'Quotation without page' },
    severity: 'warning',
    description: {
      nb: 'Et direkte sitat mangler sidetall i henvisningen.',
      en: 'A direct quotation has no page in its citation.',
    },
    example: '«… rustet til å klare seg selv» (Berg et al., 2015)',
  },
  {
    id: 'et-al-usage',
    name: { nb: 'Bruk av «et al.»', en: 'Use of "et al."' },
    severity: 'warning',
    description: {
      nb: '«et al.» brukes for et verk med to forfattere, eller mangler for et verk med tre eller flere.',
      en: '"et al." is used for a work with two authors, or missing for a work with three or more.',
    },
    example: 'Stenbrenden, Haukland & Knutsen (2018) instead of Stenbrenden et al. (2018)',
  },
  {
    id: 'author-connector',
    name: { nb: '«&» eller «og» mellom forfattere', en: '"&" or "and" between authors' },
    severity: 'warning',
    description: {
      nb: '«&» skal stå inne i parentes, «og» i løpende tekst.',
      en: '"&" belongs inside parentheses, "og"/"and" in running text.',
    },
    example: 'Lundberg & Syltevik (2013) viser … / (Andreassen og Fossestøl, 2011)',
  },
  {
    id: 'locator-form',
    name: { nb: 'Sidetall skrevet feil', en: 'Page written wrongly' },
    severity: 'info',
    description: {
      nb: 'Sidetallet er ikke skrevet på norsk APA-måte: «s. 12», tankestrek i intervaller («s. 31–33»).',
      en: 'The page is not written the Norwegian APA way: "s. 12", an en dash in ranges ("s. 31–33").',
    },
    example: '(Dalland, 2017, s.52), (Røysum 2012, 59), (Skau, 2013, s.31-33)',
  },
  {
    id: 'citation-punctuation',
    name: { nb: 'Tegnsetting i henvisningen', en: 'Punctuation in the citation' },
    severity: 'info',
    description: {
      nb: 'Tegnsettingen i henvisningen er ikke APA: komma mellom forfatter, år og sidetall, ikke komma foran en årstallsparentes.',
      en: 'The punctuation of the citation is not APA: commas between author, year and page, no comma before a year in parentheses.',
    },
    example: '(Dalland,2017, s.52), (Berge et al., 2015 s.19), Natland et al., (2020)',
  },
  {
    id: 'reference-list-partly-read',
    name: { nb: 'Litteraturlisten delvis lest', en: 'Reference list partly read' },
    severity: 'warning',
    description: {
      nb: 'Litteraturlisten kunne bare delvis leses (mange linjer som ikke er oppføringer, eller oppføringer uten årstall); følgefeil av det meldes som advarsler.',
      en: 'The reference list could only partly be read (many lines that are not entries, or entries without a year); what follows from it is reported as warnings.',
    },
    example: 'A list followed by an appendix of SPSS tables that were read as entries',
  },
  {
    id: 'duplicate-list-entry',
    name: { nb: 'Samme verk to ganger i listen', en: 'Same work twice in the list' },
    severity: 'warning',
    description: {
      nb: 'Samme verk står to ganger i litteraturlisten (samme år og tittel), ofte et dobbelt treff i referanseverktøyet.',
      en: 'The same work is in the reference list twice (same year and title), often a duplicate in the reference manager.',
    },
    example: 'Galiano-Castillo et al. (2016a) and (2016b) with the same title',
  },
  {
    id: 'list-name-variant',
    name: { nb: 'Navnet stavet ulikt i listen', en: 'Name spelt two ways in the list' },
    severity: 'warning',
    description: {
      nb: 'Samme forfatter er stavet på to måter i litteraturlisten (samme initialer, nesten samme etternavn).',
      en: 'One author is spelled two ways in the reference list (same initials, nearly the same family name).',
    },
    example: 'Van Emmerik, I. H. (2008) and Van Emmrik, I. H. (2011)',
  },
  {
    id: 'garbled-list-author',
    name: { nb: 'Ødelagt forfatter i listen', en: 'Garbled author in the list' },
    severity: 'warning',
    description: {
      nb: 'En forfatter i litteraturlisten er ødelagt: et tall, tegnsetting, en bokstav fra årstallet, eller et fornavn som etternavn.',
      en: 'An author in the reference list is garbled: a number, punctuation, a letter of the year, or a given name as family name.',
    },
    example: '2011:11. (2011). …; WHOc. (2020). …; Ståle Einarsen, A. S. (2015). … beside Skogstad, A., & Einarsen, S. (2015). …',
  },
  {
    id: 'uncited-entry',
    name: { nb: 'Oppføring uten henvisning', en: 'Entry never cited' },
    severity: 'info',
    description: {
      nb: 'En oppføring i litteraturlisten eller bibliografien er aldri henvist til i teksten.',
      en: 'An entry of the reference list or bibliography is never cited in the text.',
    },
    example: 'An included article that the thesis never cites',
  },
];

/** The rule definition of an id (every id used by the check is defined above). */
export function ruleById(id: string): RuleDefinition {
  const rule = checkRules.find((candidate) => candidate.id === id);
  if (!rule) throw new Error(`Unknown check rule: ${id}`);
  return rule;
}
