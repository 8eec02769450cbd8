/** A page or other locator: "s. 12", "s.31-33", "pp. 4–5", "kap. 3", "para. 2", "§ 11-7". */
export interface Locator {
  /** The label as written ("s.", "s", "s,", "side", "pp.", "p.", "kap.", "para.", "art.", "§", or "" when bare). */
  label: string;
  /** The value as written ("12", "31-33"). */
  value: string;
  /** The whole locator as written ("s.31-33"). */
  raw: string;
  /** Offset of the locator in the parsed text. */
  start: number;
}

/** The original work in a secondary citation ("Kvam, 2004, sitert i Kristiansen, 2022"). */
export interface SecondarySource {
  /** Names of the original author(s) as written ("Søren Kirkegaard", "Nerdrum"). */
  authors: string[];
  year: string | null;
  /** The marker as written: "gjengitt i", "sitert i", "henvist i", "referert i", "as cited in". */
  marker: string;
}

/**
 * One cited work in the text. In a secondary citation the work cited (authors, year) is the
 * source actually read; `secondary` names the original.
 */
export interface Citation {
  /**
   * The citation text as it stands in the parsed text: `text.slice(start, end)`. Parenthetical: the
   * work without the parentheses, the ";" and a prefix ("Levin & Ellingsen, 2015, s.112"); with
   * several years, the first citation ends after its year and the next start at theirs.
   * Narrative: from the names to the closing parenthesis ("Lundberg og Syltevik (2013)").
   */
  raw: string;
  /** Offsets in the parsed text: [start, end). */
  start: number;
  end: number;
  form: 'parenthetical' | 'narrative';
  /** Family names or corporate authors as written, in order ("Eide", "Eide"). */
  authors: string[];
  /**
   * Whether the (single) author is not a person: an organisation ("Arbeids- og velferdsdirektoratet",
   * "SNL") or a law or other work cited by its title ("Sosialtjenesteloven").
   */
  corporate: boolean;
  /** "et al.", "mfl.", "m.fl." as written, or null. */
  etAl: string | null;
  /** The connector between the last two authors as written: "&", "og", "and", or null. */
  connector: '&' | 'og' | 'and' | null;
  /** "2015", "2019a", "u.å.", "n.d.", or null when the citation has no year. */
  year: string | null;
  /** Text standing where the year belongs that is not a year ("Rapporten"), else null. */
  notYear: string | null;
  locator: Locator | null;
  /** A prefix such as "se", "se også", "e.g.", or null. */
  prefix: string | null;
  secondary: SecondarySource | null;
  /** Citations in the same parenthesis (or the same narrative mention) share a group number. */
  group: number;
  /**
   * Year-only parenthesis with no author near it ("(2013, s.31-33)"): the author must come from
   * the context; `authors` is then empty.
   */
  yearOnly: boolean;
  /**
   * Set (true) when the citation stands in running text without the parentheses it needs
   * ("Eide & Eide, 2016, s.80 God kommunikasjon ..."); `form` is then "parenthetical".
   */
  unbracketed?: boolean;
  /**
   * Set (true) for "ibid.", "ibid., s. 5", "samme sted": the work is the one cited just before;
   * `authors` is then empty and `year` null, and `locator` holds the page when one is given.
   */
  ibid?: boolean;
  /**
   * Set (true) for a page alone in parentheses right after a citation in the same paragraph
   * ("Skau (2017) skriver at «…» (s. 69)"): the page of the work cited just before; `authors` is
   * then empty and `year` null.
   */
  locatorOnly?: boolean;
  /**
   * The last author as written when a Norwegian or English genitive was undone ("Honneths (2008)
   * teori" gives `authors` ["Honneth"] and `genitive` "Honneths"). A name that itself ends in -s
   * ("Hayes (2013) modell") cannot be told from a genitive here: resolution may try both.
   */
  genitive?: string;
  /**
   * Set (true) when the names stand earlier in the sentence than the year, with no year of their
   * own ("Gorzelitz et al. reported … after a home-based program (2021)."): `authors` and `etAl`
   * come from that mention, `form` is "narrative", and `raw` and the offsets cover the parenthesis
   * only.
   */
  nameApart?: boolean;
}
