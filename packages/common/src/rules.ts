import type { Localized, Severity } from './diagnostic.js';

// The one registry of litsynth's rules (mystmd's ruleids.ts is the model): every rule any package
// reports, with its default severity, its name and meaning in both languages, an example and the
// section of docs/rules.md that documents it. Rule ids are released names (the key in study.yaml
// `rules:` and in the JSON output): never rename one. Severities follow DESIGN "Signal before
// noise": error — the reader cannot find the source or the data is wrong; warning — a style rule
// the supervisor will correct; info — consistency of form.

/** The stage that reports a rule (and the section of docs/rules.md that documents it). */
export type RuleScope = 'check' | 'study' | 'records' | 'framework' | 'matrix' | 'bibliography';

interface RuleSpec {
  id: string;
  scope: RuleScope;
  /** A short name in each language ("Feil årstall" / "Wrong year"). */
  name: Localized;
  severity: Severity;
  description: Localized;
  /** A short example of text that triggers the rule. */
  example: string;
  /** The anchor of the rule's section in docs/rules.md. */
  docs: string;
}

const ruleList = [
  // check
  {
    id: 'no-reference-list',
    scope: 'check',
    name: { nb: 'Ingen litteraturliste', en: 'No reference list' },
    severity: 'error',
    description: {
      nb: 'Manuskriptet har ingen litteraturliste, så leseren kan ikke finne kildene.',
      en: 'The manuscript has no reference list, so the reader cannot find the sources.',
    },
    example: 'A thesis that ends without a "Litteraturliste" section.',
    docs: 'check-rules',
  },
  {
    id: 'unresolved-citation',
    scope: 'check',
    name: { nb: 'Henvisning uten oppføring', en: 'Citation without an entry' },
    severity: 'error',
    description: {
      nb: 'Henvisningen svarer ikke til noen oppføring i litteraturlisten eller bibliografien.',
      en: 'The citation matches no entry of the reference list or bibliography.',
    },
    example: '(Chudasama, 2017) with no Chudasama in the bibliography',
    docs: 'check-rules',
  },
  {
    id: 'author-misspelled',
    scope: 'check',
    name: { nb: 'Feilstavet forfatter', en: 'Misspelled author' },
    severity: 'error',
    description: {
      nb: 'Et forfatternavn er stavet annerledes enn i oppføringen det trolig viser til.',
      en: 'An author name is spelled differently from the entry it most likely means.',
    },
    example: '(Netland et al., 2020) for the entry Natland, Bjerke & Torstensen (2019)',
    docs: 'check-rules',
  },
  {
    id: 'coauthor-mismatch',
    scope: 'check',
    name: { nb: 'Feil medforfattere', en: 'Wrong co-authors' },
    severity: 'error',
    description: {
      nb: 'Henvisningen utelater medforfattere oppføringen har, eller nevner noen den ikke har.',
      en: 'The citation leaves out co-authors the entry has, or names co-authors it does not have.',
    },
    example: '(Eide, 2016) for the entry Eide & Eide (2016)',
    docs: 'check-rules',
  },
  {
    id: 'year-mismatch',
    scope: 'check',
    name: { nb: 'Feil årstall', en: 'Wrong year' },
    severity: 'error',
    description: {
      nb: 'Årstallet i henvisningen er et annet enn i oppføringen.',
      en: 'The year of the citation differs from the year of the entry.',
    },
    example: '(Natland et al., 2020) for an entry published in 2019',
    docs: 'check-rules',
  },
  {
    id: 'cited-under-publisher',
    scope: 'check',
    name: { nb: 'Henvist under utgiveren', en: 'Cited under the publisher' },
    severity: 'error',
    description: {
      nb: 'Henvisningen nevner organisasjonen som ga ut verket (et departement), ikke forfatteren verket står under i litteraturlisten.',
      en: 'The citation names the organisation that published the work (a ministry), not the author the reference list has it under.',
    },
    example:
      '(Arbeids- og sosialdepartementet, 2015) for the report of Ekspertgruppen for gjennomgang av NAV (2015), published by the ministry',
    docs: 'check-rules',
  },
  {
    id: 'inconsistent-citation',
    scope: 'check',
    name: { nb: 'Samme verk henvist ulikt', en: 'One work cited in different ways' },
    severity: 'error',
    description: {
      nb: 'Samme verk er henvist til med ulike årstall eller navneformer i oppgaven.',
      en: 'The same work is cited with different years or name spellings across the thesis.',
    },
    example:
      '(Riis-Johansen et al., 2018) in one chapter and (Riis-Johansen et al., 2020) in another',
    docs: 'check-rules',
  },
  {
    id: 'missing-year',
    scope: 'check',
    name: { nb: 'Årstall mangler', en: 'Missing year' },
    severity: 'error',
    description: {
      nb: 'Henvisningen mangler årstall (skriv «u.å.» når verket ikke har noe).',
      en: 'The citation has no year (write "n.d." when the work has none).',
    },
    example: '(Liseth & Tellemann, s. 16–18)',
    docs: 'check-rules',
  },
  {
    id: 'not-a-year',
    scope: 'check',
    name: { nb: 'Ikke et årstall', en: 'Not a year' },
    severity: 'error',
    description: {
      nb: 'Det står noe annet enn et årstall der årstallet skal stå.',
      en: 'Something other than a year stands where the year belongs.',
    },
    example: '(Meld. St. 33, rapporten)',
    docs: 'check-rules',
  },
  {
    id: 'missing-author',
    scope: 'check',
    name: { nb: 'Forfatter mangler', en: 'Missing author' },
    severity: 'error',
    description: {
      nb: 'Henvisningen har bare årstall, og ingen forfatter står foran den.',
      en: 'The citation has only a year, and no author precedes it.',
    },
    example: '… til det beste for brukeren (2013, s. 31–33).',
    docs: 'check-rules',
  },
  {
    id: 'year-far-from-author',
    scope: 'check',
    name: { nb: 'Årstall langt fra forfatteren', en: 'Year far from its author' },
    severity: 'warning',
    description: {
      nb: 'Et årstall i parentes står langt fra forfatteren det hører til (nevnt tidligere i setningen); årstallet skal stå rett etter navnet.',
      en: 'A year in parentheses stands far from the author it belongs to (named earlier in the sentence); the year belongs right after the name.',
    },
    example: 'Gorzelitz et al. reported gains in strength and agility after ten weeks (2021).',
    docs: 'check-rules',
  },
  {
    id: 'author-without-year',
    scope: 'check',
    name: { nb: 'Forfatter nevnt uten årstall', en: 'Author named without a year' },
    severity: 'warning',
    description: {
      nb: 'En forfatter fra litteraturlisten nevnes i teksten som kilde til en påstand, uten årstall, og ingen henvisning med årstall til forfatteren står like ved.',
      en: 'An author of the reference list is named in the text as the source of a claim, without a year, and no dated citation of that author stands near.',
    },
    example:
      'Lundberg & Syltevik stiller spørsmål ved … (no year, no dated citation of them in the sentences around)',
    docs: 'check-rules',
  },
  {
    id: 'citation-given-name',
    scope: 'check',
    name: { nb: 'Fornavn i henvisningen', en: 'Given name in the citation' },
    severity: 'warning',
    description: {
      nb: 'Henvisningen har med et fornavn (eller annet rusk fra et referanseverktøy som EndNote); APA henviser med etternavn.',
      en: 'The citation carries a given name (or other debris from a reference manager such as EndNote); APA cites by family name.',
    },
    example: '(Despoina Xanthopoulou, 2012) where the list has Xanthopoulou, D. (2012)',
    docs: 'check-rules',
  },
  {
    id: 'secondary-source-missing',
    scope: 'check',
    name: { nb: 'Sekundærkilden mangler i listen', en: 'Secondary source not listed' },
    severity: 'error',
    description: {
      nb: 'Kilden som faktisk er lest i en sekundærhenvisning, står ikke i litteraturlisten.',
      en: 'The source actually read in a secondary citation is not in the reference list.',
    },
    example: '(Søren Kirkegaard gjengitt i Melberg, 2017) with no Melberg (2017) entry',
    docs: 'check-rules',
  },
  {
    id: 'secondary-original-listed',
    scope: 'check',
    name: { nb: 'Originalen står i listen', en: 'Original work listed' },
    severity: 'warning',
    description: {
      nb: 'Originalverket i en sekundærhenvisning står i litteraturlisten; der skal bare kilden du har lest stå.',
      en: 'The original work of a secondary citation is in the reference list; only the source read belongs there.',
    },
    example: '(Kvam, 2004, sitert i Kristiansen, 2022) with an entry for Kvam (2004)',
    docs: 'check-rules',
  },
  {
    id: 'secondary-citation-form',
    scope: 'check',
    name: { nb: 'Sekundærhenvisning skrevet feil', en: 'Secondary citation written wrongly' },
    severity: 'warning',
    description: {
      nb: 'Sekundærhenvisningen navngir ikke originalen med etternavn og årstall: (Kierkegaard, 1859, sitert i Melberg, 2017).',
      en: 'The secondary citation does not name the original by family name and year: (Kierkegaard, 1859, as cited in Melberg, 2017).',
    },
    example: '(Søren Kirkegaard gjengitt i Melberg, 2017)',
    docs: 'check-rules',
  },
  {
    id: 'quotation-without-page',
    scope: 'check',
    name: { nb: 'Sitat uten sidetall', en: 'Quotation without page' },
    severity: 'warning',
    description: {
      nb: 'Et direkte sitat mangler sidetall i henvisningen.',
      en: 'A direct quotation has no page in its citation.',
    },
    example: '«… rustet til å klare seg selv» (Berg et al., 2015)',
    docs: 'check-rules',
  },
  {
    id: 'et-al-usage',
    scope: 'check',
    name: { nb: 'Bruk av «et al.»', en: 'Use of "et al."' },
    severity: 'warning',
    description: {
      nb: '«et al.» brukes for et verk med to forfattere, eller mangler for et verk med tre eller flere.',
      en: '"et al." is used for a work with two authors, or missing for a work with three or more.',
    },
    example: 'Stenbrenden, Haukland & Knutsen (2018) instead of Stenbrenden et al. (2018)',
    docs: 'check-rules',
  },
  {
    id: 'author-connector',
    scope: 'check',
    name: { nb: '«&» eller «og» mellom forfattere', en: '"&" or "and" between authors' },
    severity: 'warning',
    description: {
      nb: '«&» skal stå inne i parentes, «og» i løpende tekst.',
      en: '"&" belongs inside parentheses, "og"/"and" in running text.',
    },
    example: 'Lundberg & Syltevik (2013) viser … / (Andreassen og Fossestøl, 2011)',
    docs: 'check-rules',
  },
  {
    id: 'locator-form',
    scope: 'check',
    name: { nb: 'Sidetall skrevet feil', en: 'Page written wrongly' },
    severity: 'info',
    description: {
      nb: 'Sidetallet er ikke skrevet på norsk APA-måte: «s. 12», tankestrek i intervaller («s. 31–33»).',
      en: 'The page is not written the Norwegian APA way: "s. 12", an en dash in ranges ("s. 31–33").',
    },
    example: '(Dalland, 2017, s.52), (Røysum 2012, 59), (Skau, 2013, s.31-33)',
    docs: 'check-rules',
  },
  {
    id: 'citation-punctuation',
    scope: 'check',
    name: { nb: 'Tegnsetting i henvisningen', en: 'Punctuation in the citation' },
    severity: 'info',
    description: {
      nb: 'Tegnsettingen i henvisningen er ikke APA: komma mellom forfatter, år og sidetall, ikke komma foran en årstallsparentes.',
      en: 'The punctuation of the citation is not APA: commas between author, year and page, no comma before a year in parentheses.',
    },
    example: '(Dalland,2017, s.52), (Berge et al., 2015 s.19), Natland et al., (2020)',
    docs: 'check-rules',
  },
  {
    id: 'reference-list-partly-read',
    scope: 'check',
    name: { nb: 'Litteraturlisten delvis lest', en: 'Reference list partly read' },
    severity: 'warning',
    description: {
      nb: 'Litteraturlisten kunne bare delvis leses (mange linjer som ikke er oppføringer, eller oppføringer uten årstall); følgefeil av det meldes som advarsler.',
      en: 'The reference list could only partly be read (many lines that are not entries, or entries without a year); what follows from it is reported as warnings.',
    },
    example: 'A list followed by an appendix of SPSS tables that were read as entries',
    docs: 'check-rules',
  },
  {
    id: 'duplicate-list-entry',
    scope: 'check',
    name: { nb: 'Samme verk to ganger i listen', en: 'Same work twice in the list' },
    severity: 'warning',
    description: {
      nb: 'Samme verk står to ganger i litteraturlisten (samme år og tittel), ofte et dobbelt treff i referanseverktøyet.',
      en: 'The same work is in the reference list twice (same year and title), often a duplicate in the reference manager.',
    },
    example: 'Galiano-Castillo et al. (2016a) and (2016b) with the same title',
    docs: 'check-rules',
  },
  {
    id: 'list-name-variant',
    scope: 'check',
    name: { nb: 'Navnet stavet ulikt i listen', en: 'Name spelt two ways in the list' },
    severity: 'warning',
    description: {
      nb: 'Samme forfatter er stavet på to måter i litteraturlisten (samme initialer, nesten samme etternavn).',
      en: 'One author is spelled two ways in the reference list (same initials, nearly the same family name).',
    },
    example: 'Van Emmerik, I. H. (2008) and Van Emmrik, I. H. (2011)',
    docs: 'check-rules',
  },
  {
    id: 'garbled-list-author',
    scope: 'check',
    name: { nb: 'Ødelagt forfatter i listen', en: 'Garbled author in the list' },
    severity: 'warning',
    description: {
      nb: 'En forfatter i litteraturlisten er ødelagt: et tall, tegnsetting, en bokstav fra årstallet, eller et fornavn som etternavn.',
      en: 'An author in the reference list is garbled: a number, punctuation, a letter of the year, or a given name as family name.',
    },
    example:
      '2011:11. (2011). …; WHOc. (2020). …; Ståle Einarsen, A. S. (2015). … beside Skogstad, A., & Einarsen, S. (2015). …',
    docs: 'check-rules',
  },
  {
    id: 'uncited-entry',
    scope: 'check',
    name: { nb: 'Oppføring uten henvisning', en: 'Entry never cited' },
    severity: 'info',
    description: {
      nb: 'En oppføring i litteraturlisten eller bibliografien er aldri henvist til i teksten.',
      en: 'An entry of the reference list or bibliography is never cited in the text.',
    },
    example: 'An included article that the thesis never cites',
    docs: 'check-rules',
  },
  // study
  {
    id: 'duplicate-entry-id',
    scope: 'study',
    name: { nb: 'To oppføringer med samme id', en: 'Two entries with one id' },
    severity: 'error',
    description: {
      nb: 'To oppføringer i studiens bibliografifiler og kildeposter har samme id; den første brukes.',
      en: "Two entries of the study's bibliography files and source records share an id; the first is used.",
    },
    example: 'natland2019 both in sources/references.yaml and in sources/natland2019.md',
    docs: 'study-rules',
  },
  {
    id: 'unknown-rule-setting',
    scope: 'study',
    name: { nb: 'Innstilling for ukjent regel', en: 'Setting for an unknown rule' },
    severity: 'warning',
    description: {
      nb: 'study.yaml setter en regel som ikke finnes (trolig en skrivefeil); innstillingen virker ikke.',
      en: 'study.yaml sets a rule that does not exist (probably a typo); the setting has no effect.',
    },
    example: 'rules: { locator-from: off }',
    docs: 'study-rules',
  },
  {
    id: 'unknown-study-field',
    scope: 'study',
    name: { nb: 'Ukjent felt i study.yaml', en: 'Unknown field in study.yaml' },
    severity: 'warning',
    description: {
      nb: 'study.yaml har et felt litsynth ikke kjenner (trolig en skrivefeil); det blir ikke brukt.',
      en: 'study.yaml has a field litsynth does not know (probably a typo); it is ignored.',
    },
    example: 'bibliograpy: [references.yaml]',
    docs: 'study-rules',
  },
  // records
  {
    id: 'source-record-frontmatter',
    scope: 'records',
    name: { nb: 'Kildepost uten gyldig frontmatter', en: 'Record without valid frontmatter' },
    severity: 'error',
    description: {
      nb: 'Posten mangler YAML-frontmatter (mellom to linjer med ---) eller frontmatteren er ikke gyldig YAML.',
      en: 'The record has no YAML frontmatter (between two --- lines), or the frontmatter is not valid YAML.',
    },
    example: '---\nid: natland2019\nentry: { title: "Uten slutt }\n---',
    docs: 'source-record-rules',
  },
  {
    id: 'source-record-missing-field',
    scope: 'records',
    name: { nb: 'Felt mangler i kildeposten', en: 'Missing field in a record' },
    severity: 'error',
    description: {
      nb: 'Et påkrevd felt mangler i frontmatteren; posten bygges ikke.',
      en: 'A required field is missing from the frontmatter; the record is not built.',
    },
    example: 'characteristics:\n  design: { nb: Kvalitativ, en: Qualitative }   # aim mangler',
    docs: 'source-record-rules',
  },
  {
    id: 'source-record-invalid-field',
    scope: 'records',
    name: { nb: 'Ugyldig felt i kildeposten', en: 'Invalid field in a record' },
    severity: 'error',
    description: {
      nb: 'Et felt i frontmatteren har feil type eller en verdi som ikke er tillatt; posten bygges ikke.',
      en: 'A frontmatter field has the wrong type or a value that is not allowed; the record is not built.',
    },
    example: 'peerReviewed: kanskje',
    docs: 'source-record-rules',
  },
  {
    id: 'source-record-unknown-field',
    scope: 'records',
    name: { nb: 'Ukjent felt i kildeposten', en: 'Unknown field in a record' },
    severity: 'warning',
    description: {
      nb: 'Et felt i frontmatteren er ukjent (ofte en skrivefeil); feltet ignoreres.',
      en: 'A frontmatter field is unknown (often a typo); the field is ignored.',
    },
    example: 'entry:\n  titel: Sterke møter',
    docs: 'source-record-rules',
  },
  {
    id: 'source-record-id-mismatch',
    scope: 'records',
    name: { nb: 'Kildepostens id og filnavn er ulike', en: 'Record id differs from the file name' },
    severity: 'warning',
    description: {
      nb: 'Postens id er ikke den samme som filnavnet; da er posten vanskelig å finne.',
      en: 'The record id differs from its file name, which makes the record hard to find.',
    },
    example: 'sources/natland2019.md med id: natland2020',
    docs: 'source-record-rules',
  },
  {
    id: 'source-record-duplicate-id',
    scope: 'records',
    name: { nb: 'To kildeposter med samme id', en: 'Two records with one id' },
    severity: 'error',
    description: {
      nb: 'To poster har samme id; den siste hoppes over.',
      en: 'Two records have the same id; the later one is skipped.',
    },
    example: 'sources/a.md og sources/b.md med id: natland2019',
    docs: 'source-record-rules',
  },
  {
    id: 'source-record-missing-record',
    scope: 'records',
    name: { nb: 'Inkludert artikkel uten kildepost', en: 'Included article without a record' },
    severity: 'error',
    description: {
      nb: 'En inkludert artikkel har ingen post i kildemappen.',
      en: 'An included article has no record in the sources folder.',
    },
    example: 'included: [natland2019] uten sources/natland2019.md',
    docs: 'source-record-rules',
  },
  {
    id: 'source-record-no-findings',
    scope: 'records',
    name: { nb: 'Kildepost uten funn', en: 'Record without findings' },
    severity: 'warning',
    description: {
      nb: 'Posten har ingen funn (ingen «## Funn»-seksjon med «### … {#id}»-overskrifter).',
      en: 'The record has no findings (no "## Findings" section with "### … {#id}" headings).',
    },
    example: '# Natland (2019)\n\nBare fritekst.',
    docs: 'source-record-rules',
  },
  {
    id: 'source-record-finding-id',
    scope: 'records',
    name: { nb: 'Funn uten gyldig id', en: 'Finding without a valid id' },
    severity: 'error',
    description: {
      nb: 'En funnoverskrift mangler id ({#post-navn}) eller har en ugyldig id; funnet hoppes over.',
      en: 'A finding heading has no id ({#record-name}) or an invalid one; the finding is skipped.',
    },
    example: '### Tillit | Trust',
    docs: 'source-record-rules',
  },
  {
    id: 'source-record-duplicate-finding-id',
    scope: 'records',
    name: { nb: 'To funn med samme id', en: 'Two findings with one id' },
    severity: 'error',
    description: {
      nb: 'To funn har samme id; det siste hoppes over.',
      en: 'Two findings have the same id; the later one is skipped.',
    },
    example: '### A | A {#natland2019-tillit}\n…\n### B | B {#natland2019-tillit}',
    docs: 'source-record-rules',
  },
  {
    id: 'source-record-finding-statement',
    scope: 'records',
    name: { nb: 'Funn uten utsagn', en: 'Finding without a statement' },
    severity: 'error',
    description: {
      nb: 'Et funn har ikke noe utsagn, verken på norsk (nb:) eller engelsk (en:); funnet hoppes over. Ett språk holder.',
      en: 'A finding has no statement, neither in Norwegian (nb:) nor in English (en:); the finding is skipped. One language is enough.',
    },
    example: '### Tillit {#natland2019-tillit}\n\nTillit var viktig.   # uten «nb:» foran',
    docs: 'source-record-rules',
  },
  {
    id: 'source-record-unexpected-content',
    scope: 'records',
    name: { nb: 'Uventet innhold i et funn', en: 'Unexpected content in a finding' },
    severity: 'warning',
    description: {
      nb: 'Innhold i et funn som ikke er nb:/en:-utsagn eller sitat (blockquote); det ignoreres.',
      en: 'Content in a finding that is neither an nb:/en: statement nor a quotation (blockquote); it is ignored.',
    },
    example: '### Tillit | Trust {#natland2019-tillit}\n\n- en løs liste',
    docs: 'source-record-rules',
  },
  // framework
  {
    id: 'concepts-invalid',
    scope: 'framework',
    name: { nb: 'Ugyldig begrep eller teori', en: 'Invalid concept or theory' },
    severity: 'error',
    description: {
      nb: 'concepts.yaml er ikke gyldig YAML, eller en teori eller et begrep mangler et påkrevd felt; det hoppes over.',
      en: 'concepts.yaml is not valid YAML, or a theory or concept lacks a required field; it is skipped.',
    },
    example: '- id: empathy\n  terms: [empati]   # label og definition mangler',
    docs: 'concept-framework-and-coding-rules',
  },
  {
    id: 'concepts-duplicate-id',
    scope: 'framework',
    name: { nb: 'Samme begreps-id to ganger', en: 'Concept id used twice' },
    severity: 'error',
    description: {
      nb: 'To begreper (eller to teorier) har samme id; det siste hoppes over.',
      en: 'Two concepts (or two theories) have the same id; the later one is skipped.',
    },
    example: '- id: trust\n…\n- id: trust',
    docs: 'concept-framework-and-coding-rules',
  },
  {
    id: 'concepts-unknown-field',
    scope: 'framework',
    name: { nb: 'Ukjent felt i begrepsfilen', en: 'Unknown field in the concepts file' },
    severity: 'warning',
    description: {
      nb: 'Et felt i concepts.yaml er ukjent (ofte en skrivefeil); det ignoreres.',
      en: 'A field in concepts.yaml is unknown (often a typo); it is ignored.',
    },
    example: '  defintion: { nb: …, en: … }',
    docs: 'concept-framework-and-coding-rules',
  },
  {
    id: 'concepts-unknown-source',
    scope: 'framework',
    name: { nb: 'Begrepets kilde finnes ikke', en: 'Unknown source of a concept' },
    severity: 'warning',
    description: {
      nb: 'Kilden til et begrep eller en teori finnes ikke i studiens litteraturliste.',
      en: 'The source of a concept or theory is not in the study bibliography.',
    },
    example: '  source: eide2005   # litteraturlisten har eideeide2005',
    docs: 'concept-framework-and-coding-rules',
  },
  {
    id: 'concepts-no-terms',
    scope: 'framework',
    name: { nb: 'Begrep uten ordformer', en: 'Concept without word forms' },
    severity: 'warning',
    description: {
      nb: 'Et begrep har ingen ordformer (terms), så drøftingskartet finner det ikke i teksten; begrepet er med i matrisen likevel.',
      en: 'A concept has no word forms (terms), so the discussion map cannot find it in the text; the concept is still in the matrix.',
    },
    example: '- id: empathy\n  label: Empati\n  definition: …   # ingen terms',
    docs: 'concept-framework-and-coding-rules',
  },
  {
    id: 'coding-invalid',
    scope: 'framework',
    name: { nb: 'Ugyldig kobling', en: 'Invalid link' },
    severity: 'error',
    description: {
      nb: 'coding.yaml er ikke gyldig YAML, eller en kobling mangler begrep eller relasjon; koblingen hoppes over.',
      en: 'coding.yaml is not valid YAML, or a link lacks its concept or relation; the link is skipped.',
    },
    example: 'natland2019-tillit:\n  - relation: supports   # concept mangler',
    docs: 'concept-framework-and-coding-rules',
  },
  {
    id: 'coding-invalid-relation',
    scope: 'framework',
    name: { nb: 'Ukjent relasjon', en: 'Unknown relation' },
    severity: 'error',
    description: {
      nb: 'Relasjonen i en kobling er ikke støtter (supports), nyanserer (nuances) eller motsier (contradicts, utfordrer); koblingen hoppes over.',
      en: 'The relation of a link is not supports (støtter), nuances (nyanserer) or contradicts (motsier, utfordrer); the link is skipped.',
    },
    example: '  - { concept: trust, relation: bekrefter }',
    docs: 'concept-framework-and-coding-rules',
  },
  {
    id: 'coding-unknown-field',
    scope: 'framework',
    name: { nb: 'Ukjent felt i kodingen', en: 'Unknown field in the coding' },
    severity: 'warning',
    description: {
      nb: 'Et felt i en kobling i coding.yaml er ukjent (ofte en skrivefeil); det ignoreres.',
      en: 'A field of a link in coding.yaml is unknown (often a typo); it is ignored.',
    },
    example: '  - { concept: trust, relation: supports, notat: … }',
    docs: 'concept-framework-and-coding-rules',
  },
  // matrix
  {
    id: 'coding-unknown-finding',
    scope: 'matrix',
    name: { nb: 'Koding av ukjent funn', en: 'Coding of an unknown finding' },
    severity: 'error',
    description: {
      nb: 'Kodingen viser til et funn som ingen inkludert kilde har.',
      en: 'The coding refers to a finding that no included source has.',
    },
    example: '- finding: natland2019-f9  # the record has f1–f5',
    docs: 'matrix-and-discussion-map-rules',
  },
  {
    id: 'coding-unknown-concept',
    scope: 'matrix',
    name: { nb: 'Koding til ukjent begrep', en: 'Coding to an unknown concept' },
    severity: 'error',
    description: {
      nb: 'Kodingen viser til et begrep som ikke finnes i begrepsrammen.',
      en: 'The coding refers to a concept that is not in the concept framework.',
    },
    example: '  concept: empathy2  # concepts.yaml has empathy',
    docs: 'matrix-and-discussion-map-rules',
  },
  {
    id: 'coding-duplicate-link',
    scope: 'matrix',
    name: { nb: 'Samme kobling to ganger', en: 'Same link twice' },
    severity: 'warning',
    description: {
      nb: 'Samme funn er koblet til samme begrep mer enn én gang.',
      en: 'The same finding is linked to the same concept more than once.',
    },
    example: 'natland2019-f1 → empathy twice',
    docs: 'matrix-and-discussion-map-rules',
  },
  {
    id: 'concept-without-findings',
    scope: 'matrix',
    name: { nb: 'Begrep uten funn', en: 'Concept without findings' },
    severity: 'info',
    description: {
      nb: 'Ingen funn er kodet til begrepet: teorien står uten empiri i oppgaven.',
      en: 'No finding is coded to the concept: the theory stands without evidence in the thesis.',
    },
    example: 'solidarity: 0 findings',
    docs: 'matrix-and-discussion-map-rules',
  },
  {
    id: 'finding-not-coded',
    scope: 'matrix',
    name: { nb: 'Funn uten begrep', en: 'Finding linked to no concept' },
    severity: 'info',
    description: {
      nb: 'Funnet er ikke koblet til noe begrep.',
      en: 'The finding is linked to no concept.',
    },
    example: 'riisjohansen2018-f4: no links',
    docs: 'matrix-and-discussion-map-rules',
  },
  {
    id: 'coded-link-not-discussed',
    scope: 'matrix',
    name: { nb: 'Kodet, men ikke drøftet', en: 'Coded but not discussed' },
    severity: 'warning',
    description: {
      nb: 'Et funn er kodet til et begrep, men drøftingen nevner aldri kilden og begrepet i samme avsnitt.',
      en: 'A finding is coded to a concept, but the discussion never mentions the source and the concept in the same paragraph.',
    },
    example: 'natland2019 × power: coded, never discussed together',
    docs: 'matrix-and-discussion-map-rules',
  },
  {
    id: 'discussed-link-not-coded',
    scope: 'matrix',
    name: { nb: 'Drøftet, men ikke kodet', en: 'Discussed but not coded' },
    severity: 'info',
    description: {
      nb: 'Drøftingen nevner kilden og begrepet i samme avsnitt, men ingen funn fra kilden er kodet til begrepet.',
      en: 'The discussion mentions the source and the concept in one paragraph, but no finding of the source is coded to the concept.',
    },
    example: '«… tillit … (Natland mfl., 2019)» with no natland2019 finding coded to trust',
    docs: 'matrix-and-discussion-map-rules',
  },
  {
    id: 'chapter-not-found',
    scope: 'matrix',
    name: { nb: 'Kapittel ikke funnet', en: 'Chapter not found' },
    severity: 'warning',
    description: {
      nb: 'Kapitlet som study.yaml oppgir (chapters.results / chapters.discussion), finnes ikke i manuset.',
      en: 'The chapter study.yaml names (chapters.results / chapters.discussion) is not in the manuscript.',
    },
    example: 'chapters: { discussion: "7.0" } in a thesis with five chapters',
    docs: 'matrix-and-discussion-map-rules',
  },
  {
    id: 'source-missing-from-results',
    scope: 'matrix',
    name: { nb: 'Artikkel mangler i resultatene', en: 'Article missing from the results' },
    severity: 'warning',
    description: {
      nb: 'En inkludert artikkel er ikke henvist til i resultatkapitlet.',
      en: 'An included article is not cited in the results chapter.',
    },
    example: 'stenbrenden2018: 0 citations in 3.0',
    docs: 'matrix-and-discussion-map-rules',
  },
  {
    id: 'source-missing-from-discussion',
    scope: 'matrix',
    name: { nb: 'Artikkel mangler i drøftingen', en: 'Article missing from the discussion' },
    severity: 'warning',
    description: {
      nb: 'En inkludert artikkel er ikke henvist til i drøftingskapitlet.',
      en: 'An included article is not cited in the discussion chapter.',
    },
    example: 'stenbrenden2018: 0 citations in 5.0',
    docs: 'matrix-and-discussion-map-rules',
  },
  // bibliography
  {
    id: 'bib-entry-unreadable',
    scope: 'bibliography',
    name: { nb: 'Uleselig oppføring', en: 'Unreadable entry' },
    severity: 'error',
    description: {
      nb: 'En referanse i bibliografifilen kan ikke leses (syntaksfeil, avkuttet post, mangler id eller type).',
      en: 'An entry of a bibliography file cannot be read (syntax error, cut-off record, no id or type).',
    },
    example: '@book{dalland2017, title = {Metode og oppgaveskriving}, year = 2017',
    docs: 'bibliography-rules',
  },
  {
    id: 'bib-duplicate-id',
    scope: 'bibliography',
    name: { nb: 'Samme id to ganger', en: 'Id used twice' },
    severity: 'error',
    description: {
      nb: 'To referanser har samme id (nøkkel); den andre blir ikke lest.',
      en: 'Two entries have the same id (key); the second is not loaded.',
    },
    example: '@book{dalland2017, …} … @article{dalland2017, …}',
    docs: 'bibliography-rules',
  },
  {
    id: 'bib-missing-field',
    scope: 'bibliography',
    name: { nb: 'Opplysning mangler i oppføringen', en: 'Missing field in the entry' },
    severity: 'warning',
    description: {
      nb: 'En opplysning APA 7 krever for denne typen verk mangler (tidsskrift, årgang og sider; forlag; redaktører, boktittel og sider for kapitler; utgiver for rapporter; URL for nettsider, og lesedato for en uten dato; fornavn; typen verk).',
      en: 'A field APA 7 requires for this kind of work is missing (journal, volume and pages; publisher; editors, book title and pages for chapters; publisher for reports; URL for web pages, and the date read for one without a date; given names; the kind of work).',
    },
    example:
      '- {id: x2019, type: article-journal, title: T, container-title: J, issued: {date-parts: [[2019]]}}  # no volume, no page',
    docs: 'bibliography-rules',
  },
  {
    id: 'bib-missing-doi',
    scope: 'bibliography',
    name: { nb: 'DOI mangler', en: 'Missing DOI' },
    severity: 'info',
    description: {
      nb: 'En tidsskriftartikkel uten DOI: legg den til om artikkelen har en.',
      en: 'A journal article without a DOI: add it if the article has one.',
    },
    example: '- {id: x2019, type: article-journal, container-title: J, volume: 3, page: 1-9}',
    docs: 'bibliography-rules',
  },
  {
    id: 'bib-doi-invalid',
    scope: 'bibliography',
    name: { nb: 'Ugyldig DOI', en: 'Invalid DOI' },
    severity: 'error',
    description: {
      nb: 'DOI-en har ikke formen 10.NNNN/…',
      en: 'The DOI does not have the form 10.NNNN/…',
    },
    example: 'DOI: 10.18261',
    docs: 'bibliography-rules',
  },
  {
    id: 'bib-doi-form',
    scope: 'bibliography',
    name: { nb: 'DOI skrevet feil', en: 'DOI written wrongly' },
    severity: 'info',
    description: {
      nb: 'DOI-en er skrevet som URL eller med «doi:»; i data skrives den uten, og listen viser https://doi.org/….',
      en: 'The DOI is written as a URL or with "doi:"; store it bare, the list shows https://doi.org/….',
    },
    example: 'DOI: https://dx.doi.org/10.18261/issn.0809-2052-2020-02-01',
    docs: 'bibliography-rules',
  },
  {
    id: 'bib-page-range',
    scope: 'bibliography',
    name: { nb: 'Sideintervall skrevet feil', en: 'Page range written wrongly' },
    severity: 'info',
    description: {
      nb: 'Sidetallene er ikke et tall eller et spenn «12–20» (tankestrek, uten «s.» og mellomrom).',
      en: 'The pages are not a number or a range "12–20" (en dash, no "pp." and no spaces).',
    },
    example: 'page: s. 12 - 20',
    docs: 'bibliography-rules',
  },
  {
    id: 'bib-duplicate-entry',
    scope: 'bibliography',
    name: { nb: 'Samme verk to ganger', en: 'Same work twice' },
    severity: 'warning',
    description: {
      nb: 'To referanser ser ut til å være samme verk (samme DOI, eller nesten lik tittel og samme år).',
      en: 'Two entries look like the same work (same DOI, or a near-identical title and the same year).',
    },
    example: 'dalland2017 and dalland2017b, both "Metode og oppgaveskriving", 2017',
    docs: 'bibliography-rules',
  },
  {
    id: 'bib-name-variants',
    scope: 'bibliography',
    name: { nb: 'Navnet skrevet ulikt', en: 'Name written in different ways' },
    severity: 'warning',
    description: {
      nb: 'Samme person ser ut til å være stavet på to måter i ulike referanser.',
      en: 'The same person seems to be spelled two ways in different entries.',
    },
    example: 'Røkenes & Hansen (2002) and Røkenes & Hanssen (2012)',
    docs: 'bibliography-rules',
  },
  {
    id: 'bib-corporate-author-variants',
    scope: 'bibliography',
    name: { nb: 'Organisasjonsnavnet skrevet ulikt', en: 'Organisation written in different ways' },
    severity: 'warning',
    description: {
      nb: 'En institusjon som forfatter er skrevet på flere måter.',
      en: 'A corporate author is written in several forms.',
    },
    example: 'Fellesorganisasjonen (FO) (2015) and Fellesorganisasjonen (2010)',
    docs: 'bibliography-rules',
  },
  {
    id: 'bib-author-year-collision',
    scope: 'bibliography',
    name: { nb: 'Samme forfatter og år', en: 'Same author and year' },
    severity: 'info',
    description: {
      nb: 'Flere verk med samme forfatter(e) og år: de skilles med a, b, … både i teksten og i listen.',
      en: 'Several works with the same author(s) and year: they take a, b, … in the text and in the list.',
    },
    example: 'SNL (2018a) and SNL (2018b)',
    docs: 'bibliography-rules',
  },
  {
    id: 'bib-unverified',
    scope: 'bibliography',
    name: { nb: 'Ikke verifisert oppføring', en: 'Unverified entry' },
    severity: 'warning',
    description: {
      nb: 'Referansen er ikke verifisert: opplysningene kommer bare fra oppgaven selv.',
      en: 'The entry is not verified: its data comes only from the thesis itself.',
    },
    example: 'verification: {status: unverified}',
    docs: 'bibliography-rules',
  },
  {
    id: 'bib-partly-verified',
    scope: 'bibliography',
    name: { nb: 'Delvis verifisert oppføring', en: 'Partly verified entry' },
    severity: 'info',
    description: {
      nb: 'Referansen er delvis verifisert: noen opplysninger er ikke bekreftet.',
      en: 'The entry is partly verified: some of its data is not confirmed.',
    },
    example: 'verification: {status: partly-verified}',
    docs: 'bibliography-rules',
  },
  {
    id: 'bib-edition-years',
    scope: 'bibliography',
    name: { nb: 'Ulike utgaver av samme bok', en: 'Editions of one book' },
    severity: 'warning',
    description: {
      nb: 'Samme verk finnes under flere år (utgaver); oppgaven bør bruke én utgave.',
      en: 'The same work appears under several years (editions); a thesis should use one edition.',
    },
    example: 'Skau (2013) and Skau (2017), both "Gode fagfolk vokser"',
    docs: 'bibliography-rules',
  },
  {
    id: 'bib-typed-entry-form',
    scope: 'bibliography',
    name: { nb: 'Oppføring i listen skrevet feil', en: 'Listed entry written wrongly' },
    severity: 'warning',
    description: {
      nb: 'En referanse i oppgavens egen litteraturliste er skrevet annerledes enn stilen krever (komma før «&», «(Red.)», «utg.», DOI som URL).',
      en: 'An entry of the thesis\'s own reference list is written otherwise than the style requires (comma before "&", "(Red.)", "utg.", DOI as a URL).',
    },
    example: 'Eide, T., & Eide, H. (2004). Kommunikasjon i praksis (2. ed.). Gyldendal.',
    docs: 'bibliography-rules',
  },
  {
    id: 'bib-typed-entry-missing',
    scope: 'bibliography',
    name: { nb: 'Verk mangler i litteraturlisten', en: 'Work missing from the reference list' },
    severity: 'error',
    description: {
      nb: 'Et sitert verk mangler i oppgavens egen litteraturliste.',
      en: "A cited work is missing from the thesis's own reference list.",
    },
    example: 'Dalland (2017) is cited, the list has no Dalland 2017',
    docs: 'bibliography-rules',
  },
  {
    id: 'bib-typed-entry-extra',
    scope: 'bibliography',
    name: { nb: 'Oppføring i listen uten henvisning', en: 'Listed entry never cited' },
    severity: 'warning',
    description: {
      nb: 'En referanse i oppgavens egen litteraturliste svarer ikke til noe sitert verk.',
      en: "An entry of the thesis's own reference list matches no cited work.",
    },
    example: 'Tufte, P. A. (2011). … listed but never cited',
    docs: 'bibliography-rules',
  },
] as const satisfies readonly RuleSpec[];

/** The id of a rule of litsynth: an id that is not in the registry is a type error. */
export type RuleId = (typeof ruleList)[number]['id'];

/** The ids of the rules one stage reports. */
export type RuleIdOf<Scope extends RuleScope> = Extract<
  (typeof ruleList)[number],
  { scope: Scope }
>['id'];

/**
 * A rule's documentation: id (kebab-case, never renamed; the key in study.yaml and in JSON), its
 * name as the reader sees it (headings and filters of the report), default severity, what it means.
 */
export interface RuleDefinition extends RuleSpec {
  id: RuleId;
}

/** Every rule, in the order docs/rules.md documents them (the check's in its summary's order). */
export const ruleRegistry: readonly RuleDefinition[] = ruleList;

const byId = new Map<string, RuleDefinition>(ruleRegistry.map((rule) => [rule.id, rule]));

/** The rules one stage reports, in the registry's order. */
export function rulesOf(scope: RuleScope): RuleDefinition[] {
  return ruleRegistry.filter((rule) => rule.scope === scope);
}

/** The rule of an id, or undefined when no rule has it (an id from a user's study.yaml). */
export function findRule(id: string): RuleDefinition | undefined {
  return byId.get(id);
}

/** The default severity of a rule (before a study's settings). */
export function defaultSeverity(id: RuleId): Severity {
  return (byId.get(id) as RuleDefinition).severity;
}

/** Whether a text is the id of a rule. */
export function isRuleId(id: string): id is RuleId {
  return byId.has(id);
}

/** The address of a rule's documentation, relative to the repository's docs folder. */
export function ruleDocsPath(rule: RuleDefinition): string {
  return `rules.md#${rule.docs}`;
}
