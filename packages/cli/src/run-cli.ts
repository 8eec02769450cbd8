import { Argument, Command, CommanderError, Help, Option } from 'commander';
import { exitCodes, isLitsynthError, type Lang } from '@litsynth/common';
import { cliVersion } from './output/package-root.js';
import { commandLineLanguage } from './output/ui-language.js';

/** Everything the command line says about itself, in each language (help, usage errors). */
const words = {
  nb: {
    program: 'Sjekk kildebruk, lag tabeller og referanseliste for litteraturstudier.',
    lang: 'språket i meldinger og tabeller (standard: studiens språk, ellers miljøets: LC_ALL, LC_MESSAGES, LANG)',
    bibFile: 'en bibliografifil: .bib .json .yaml .ris (kan gjentas)',
    study: 'en studiemappe (med study.yaml)',
    outDir: 'utdatamappe (standard: <studie>/out)',
    csvSeparator:
      'skilletegn i CSV: ; eller , (standard: csvSeparator i study.yaml, ellers ; for en norsk studie og , for en engelsk; norsk Excel forventer ;)',
    check: 'sjekk hver henvisning i et manuskript mot bibliografien',
    checkPath: 'en studiemappe (med study.yaml) eller en manuskriptfil (.txt .md .docx .pdf)',
    format: 'utdataformat',
    bib: 'skriv ut referanselisten (norsk APA 7 som standard) over verkene det henvises til',
    bibOut: 'skriv listen til en fil i stedet for til stdout',
    bibAll: 'alle oppføringene, ikke bare verkene det henvises til',
    bibStyle: 'CSL-stil (norsk-apa-manual, apa) eller en .csl-fil',
    bibLocale: 'CSL-språkkode (nb-NO, en-US)',
    bibFinal: 'feil (avslutningskode 1, ingen liste) så lenge et sitert verk er ufullstendig',
    allowOutsideStudy:
      'les filer study.yaml viser til utenfor studiens mappetre (av: en studie kan ikke sitere /etc/passwd)',
    bibAfter:
      '\nstdout er bare listen: fullstendige oppføringer, ingen merker. En oppføring som mangler opplysninger\n' +
      '(eller har opplysninger ingen kilde bekrefter) holdes utenfor og går til gjøremålslisten på stderr: hva\n' +
      'som mangler, en mal å fylle ut, mulige treff, årstallene verket er sitert med. Andre problemer i\n' +
      'oppføringene (reglene bib-*: DOI, dubletter, navnevarianter) følger på stderr.\n' +
      'Avslutningskode 1 når ett av dem er en feil (en uleselig oppføring, en ugyldig DOI), eller med --final\n' +
      'så lenge en oppføring er ufullstendig; ellers 0; 2 ved ubrukelige inndata.',
    matrix: 'lag matrisen funn × begreper og drøftingskartet for en studie',
    tables: 'lag tabellene til oppgaven: artikkelmatrise, søkehistorikk, drøftingstabeller',
    build:
      'kildesjekk, referanseliste, matrise, tabeller og report.html for en studie, i én kjøring',
    quiet: 'ingen fremdriftsmeldinger',
    buildAfter:
      '\nBygget skriver hva som er endret siden forrige bygg (problemer lagt til og rettet, matriseceller,\n' +
      'tabeller) og lagrer det i out/changes.json. En ny studie får en liste over det som mangler.',
    init: 'lag en ny studiemappe å begynne fra',
    initDir: 'mappen som skal lages',
    add: 'lag kildeposten til en ny artikkel fra den bibliografiske oppføringen, og før den opp under included',
    addFile: 'oppføringen: .bib .ris .json .yaml',
    notIncluded: 'ikke før artikkelen opp under included i study.yaml',
    help: 'vis hjelp',
    helpCommand: 'vis hjelp for en kommando',
    version: 'skriv ut versjonen av litsynth',
    checkOut: 'skriv rapporten til en fil i stedet for til stdout',
    checkAnnotate: 'skriv en kopi av .docx-manuskriptet med en Word-kommentar ved hvert problem',
    buildAnnotate:
      'skriv også en kopi av .docx-manuskriptet med en Word-kommentar ved hvert problem',
    rules: 'list alle reglene litsynth melder: id, standard alvorlighet og navn',
    titles: {
      'Usage:': 'Bruk:',
      'Arguments:': 'Argumenter:',
      'Options:': 'Valg:',
      'Commands:': 'Kommandoer:',
      'Global Options:': 'Felles valg:',
    },
    usage: { '[options]': '[valg]', '[command]': '[kommando]' },
    choices: 'mulige verdier',
    default: 'standard',
    // The names of arguments and option values, as help and usage errors show them.
    names: {
      path: 'sti',
      study: 'studie',
      file: 'fil',
      dir: 'mappe',
      format: 'format',
      separator: 'tegn',
      lang: 'språk',
      style: 'stil',
      locale: 'kode',
    },
  },
  en: {
    program: 'Check, tabulate and reference literature studies.',
    lang: 'language of messages and tables (default: the study language, else the environment: LC_ALL, LC_MESSAGES, LANG)',
    bibFile: 'a bibliography file: .bib .json .yaml .ris (repeatable)',
    study: 'a study folder (with study.yaml)',
    outDir: 'output folder (default: <study>/out)',
    csvSeparator:
      'CSV separator: ; or , (default: csvSeparator in study.yaml, else ; for a Norwegian study and , for an English one; Norwegian Excel expects ;)',
    check: 'check every citation of a manuscript against its bibliography',
    checkPath: 'a study folder (with study.yaml) or a manuscript file (.txt .md .docx .pdf)',
    format: 'output format',
    bib: 'print the reference list (Norwegian APA 7 by default) of the cited works',
    bibOut: 'write the list to a file instead of stdout',
    bibAll: 'every entry, not only the cited works',
    bibStyle: 'CSL style id (norsk-apa-manual, apa) or a .csl file',
    bibLocale: 'CSL locale (nb-NO, en-US)',
    bibFinal: 'fail (exit 1, no list) while any cited work is incomplete',
    allowOutsideStudy:
      "read files study.yaml names outside the study's folder tree (off: a study cannot quote /etc/passwd)",
    bibAfter:
      '\nstdout is the list alone: complete entries, no markers. An entry that lacks data (or has data no\n' +
      'record confirms) is kept out of it and goes to the to-do on stderr: what is missing, a template\n' +
      'to fill in, possible matches, the years it is cited under. Other problems of the listed entries\n' +
      '(rules bib-*: DOI, duplicates, name variants) follow on stderr.\n' +
      'Exit 1 when one of them is an error (an unreadable entry, an invalid DOI), or with --final while\n' +
      'an entry is incomplete; else 0; 2 for unusable input.',
    matrix: 'build the findings × concepts matrix and the discussion map of a study',
    tables: 'generate the thesis tables: article matrix, search history, discussion tables',
    build: 'check, reference list, matrix, tables and report.html for a study, in one go',
    quiet: 'no progress output',
    buildAfter:
      '\nThe build says what changed since the last build (problems added and fixed, matrix cells,\n' +
      'tables) and keeps it in out/changes.json. A new study gets a list of what is still missing.',
    init: 'create a new study folder to start from',
    initDir: 'the folder to create',
    add: 'create the source record of a new article from its bibliographic entry, and list it under included',
    addFile: 'the entry: .bib .ris .json .yaml',
    notIncluded: 'do not list the article under included in study.yaml',
    help: 'display help',
    helpCommand: 'display help for a command',
    version: 'print the version of litsynth',
    checkOut: 'write the report to a file instead of stdout',
    checkAnnotate: 'write a copy of the .docx manuscript with a Word comment at each problem',
    buildAnnotate: 'also write a copy of the .docx manuscript with a Word comment at each problem',
    rules: 'list every rule litsynth reports: id, default severity and name',
    titles: {} as Record<string, string>,
    usage: {} as Record<string, string>,
    choices: 'choices',
    default: 'default',
    names: {
      path: 'path',
      study: 'study',
      file: 'file',
      dir: 'dir',
      format: 'format',
      separator: 'separator',
      lang: 'lang',
      style: 'style',
      locale: 'locale',
    },
  },
} as const;

/**
 * Commander's help in the chosen language: its titles ("Usage:") and the notes it adds to an
 * option ("(choices: …, default: …)"); the descriptions themselves come from `words`.
 */
class LocalizedHelp extends Help {
  constructor(private readonly lang: Lang) {
    super();
  }

  override styleTitle(title: string): string {
    return (words[this.lang].titles as Record<string, string>)[title] ?? title;
  }

  override commandUsage(command: Command): string {
    return this.localUsage(super.commandUsage(command));
  }

  override subcommandTerm(command: Command): string {
    return this.localUsage(super.subcommandTerm(command));
  }

  private localUsage(text: string): string {
    const usage = words[this.lang].usage as Record<string, string>;
    return text.replace(/\[options\]|\[command\]/g, (term) => usage[term] ?? term);
  }

  override optionDescription(option: Option): string {
    const notes: string[] = [];
    if (option.argChoices)
      notes.push(`${words[this.lang].choices}: ${option.argChoices.join(', ')}`);
    if (
      option.defaultValue !== undefined &&
      (option.required || option.optional) &&
      !(Array.isArray(option.defaultValue) && option.defaultValue.length === 0)
    ) {
      notes.push(
        `${words[this.lang].default}: ${option.defaultValueDescription ?? String(option.defaultValue)}`,
      );
    }
    return notes.length > 0 ? `${option.description} (${notes.join('; ')})` : option.description;
  }

  override argumentDescription(argument: Argument): string {
    return argument.description;
  }
}

/**
 * The program behind both bins: runs the CLI on the process's arguments and sets its exit code.
 * A reader that stops early (`litsynth check … | head`) closes the pipe: that ends the program
 * quietly, as other command-line tools do, instead of with a stack trace.
 */
export async function main(): Promise<void> {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? exitCodes.ok);
  });
  process.exitCode = await runCli(process.argv.slice(2));
}

/** Lets @litsynth/bibliography read CSL styles and locales from disk (it has no file system). */
async function useNodeCslFiles(): Promise<void> {
  (await import('./output/csl-files.js')).useNodeCslFiles();
}

/**
 * Runs the litsynth CLI with the given arguments and returns the exit code. Commands load their
 * implementation lazily (dynamic import) so that start-up stays close to bare Node. Help and
 * usage errors are in the language of `commandLineLanguage` (--lang, the study's, the locale's).
 */
export async function runCli(argv: readonly string[]): Promise<number> {
  let exitCode: number = exitCodes.ok;
  const lang = commandLineLanguage(argv);
  const w = words[lang];
  const program = new Command()
    .name('litsynth')
    .description(w.program)
    .exitOverride()
    .showHelpAfterError()
    .configureOutput({
      writeErr: (text) => process.stderr.write(text),
      outputError: (text, write) => write(localizeCommanderError(text, lang)),
    })
    .version(cliVersion(), '-V, --version', w.version)
    .helpOption('-h, --help', w.help)
    .helpCommand('help [command]', w.helpCommand);
  // Every command's help speaks the chosen language too.
  program.createHelp = () => new LocalizedHelp(lang);
  const command = (name: string, description: string) => {
    const created = program.command(name).description(description).helpOption('-h, --help', w.help);
    created.createHelp = () => new LocalizedHelp(lang);
    return created;
  };

  const n = w.names;
  const langOption = () => new Option(`--lang <${n.lang}>`, w.lang).choices(['nb', 'en']);
  const repeatable = (value: string, previous: string[]) => [...previous, value];

  command('check', w.check)
    .addArgument(new Argument(`<${n.path}>`, w.checkPath))
    .option(`--bib <${n.file}>`, w.bibFile, repeatable, [])
    .addOption(
      new Option(`--format <${n.format}>`, w.format).choices(['pretty', 'json']).default('pretty'),
    )
    .option(`--out <${n.file}>`, w.checkOut)
    .option(`--annotate <${n.file}>`, w.checkAnnotate)
    .addOption(new Option('--allow-outside-study', w.allowOutsideStudy))
    .addOption(langOption())
    .action(async (path: string, options) => {
      await useNodeCslFiles();
      const { checkCommand } = await import('./commands/check.js');
      exitCode = await checkCommand(path, options);
    });

  command('bib', w.bib)
    .addArgument(new Argument(`[${n.study}]`, w.study))
    .option(`--bib <${n.file}>`, w.bibFile, repeatable, [])
    .addOption(
      new Option(`--format <${n.format}>`, w.format).choices(['md', 'html', 'text']).default('md'),
    )
    .option(`--out <${n.file}>`, w.bibOut)
    .option('--all', w.bibAll)
    .option(`--style <${n.style}>`, w.bibStyle)
    .option(`--locale <${n.locale}>`, w.bibLocale)
    .option('--final', w.bibFinal)
    .addOption(new Option('--allow-outside-study', w.allowOutsideStudy))
    .addOption(langOption())
    .addHelpText('after', w.bibAfter)
    .action(async (study: string | undefined, options) => {
      await useNodeCslFiles();
      const { bibCommand } = await import('./commands/bib.js');
      exitCode = await bibCommand(study, options);
    });

  command('matrix', w.matrix)
    .addArgument(new Argument(`<${n.study}>`, w.study))
    .option(`--out <${n.dir}>`, w.outDir)
    .option(`--csv-separator <${n.separator}>`, w.csvSeparator)
    .addOption(new Option('--allow-outside-study', w.allowOutsideStudy))
    .addOption(langOption())
    .action(async (study: string, options) => {
      await useNodeCslFiles();
      const { matrixCommand } = await import('./commands/matrix.js');
      exitCode = await matrixCommand(study, options);
    });

  command('tables', w.tables)
    .addArgument(new Argument(`<${n.study}>`, w.study))
    .option(`--out <${n.dir}>`, w.outDir)
    .option(`--csv-separator <${n.separator}>`, w.csvSeparator)
    .addOption(new Option('--allow-outside-study', w.allowOutsideStudy))
    .addOption(langOption())
    .action(async (study: string, options) => {
      await useNodeCslFiles();
      const { tablesCommand } = await import('./commands/tables.js');
      exitCode = await tablesCommand(study, options);
    });

  command('build', w.build)
    .addArgument(new Argument(`<${n.study}>`, w.study))
    .option(`--out <${n.dir}>`, w.outDir)
    .option(`--csv-separator <${n.separator}>`, w.csvSeparator)
    .option('--quiet', w.quiet)
    .option(`--annotate <${n.file}>`, w.buildAnnotate)
    .addOption(new Option('--allow-outside-study', w.allowOutsideStudy))
    .addOption(langOption())
    .addHelpText('after', w.buildAfter)
    .action(async (study: string, options) => {
      await useNodeCslFiles();
      const { buildCommand } = await import('./commands/build.js');
      exitCode = await buildCommand(study, options);
    });

  command('init', w.init)
    .addArgument(new Argument(`<${n.dir}>`, w.initDir))
    .addOption(langOption())
    .action(async (dir: string, options) => {
      const { initCommand } = await import('./commands/init.js');
      exitCode = await initCommand(dir, { ...options, lang: options.lang ?? lang });
    });

  command('add', w.add)
    .addArgument(new Argument(`<${n.study}>`, w.study))
    .addArgument(new Argument(`<${n.file}>`, w.addFile))
    .option('--not-included', w.notIncluded)
    .addOption(langOption())
    .action(async (study: string, file: string, options) => {
      await useNodeCslFiles();
      const { addCommand } = await import('./commands/add.js');
      exitCode = await addCommand(study, file, options);
    });

  command('rules', w.rules)
    .addOption(
      new Option(`--format <${n.format}>`, w.format).choices(['pretty', 'json']).default('pretty'),
    )
    .addOption(langOption())
    .action(async (options) => {
      const { rulesCommand } = await import('./commands/rules.js');
      exitCode = rulesCommand({ ...options, lang: options.lang ?? lang });
    });

  try {
    await program.parseAsync(argv as string[], { from: 'user' });
  } catch (error) {
    return reportFailure(error, lang);
  }
  return exitCode;
}

/** Turns a failure into a message on stderr and exit code 2; never a stack trace. */
function reportFailure(error: unknown, lang: Lang): number {
  if (error instanceof CommanderError) {
    return error.exitCode === 0 ? exitCodes.ok : exitCodes.unusableInput;
  }
  if (isLitsynthError(error)) {
    process.stderr.write(`litsynth: ${error.describe(lang)}\n`);
    return exitCodes.unusableInput;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(
    lang === 'nb'
      ? `litsynth: intern feil: ${message}\nDette er en feil i litsynth; kjør med LITSYNTH_DEBUG=1 for detaljer og meld den gjerne.\n`
      : `litsynth: internal error: ${message}\nThis is a bug in litsynth; run with LITSYNTH_DEBUG=1 for details and please report it.\n`,
  );
  if (process.env.LITSYNTH_DEBUG && error instanceof Error)
    process.stderr.write(`${error.stack}\n`);
  return exitCodes.unusableInput;
}

/**
 * Commander's usage errors ("error: unknown option '--x'") as litsynth says them, in the chosen
 * language: "litsynth: ukjent valg «--x»". An error commander may add later passes unchanged.
 */
export function localizeCommanderError(text: string, lang: Lang): string {
  const nb = lang === 'nb';
  const q = (value: string) => (nb ? `«${value}»` : `"${value}"`);
  const patterns: Array<[RegExp, (...groups: string[]) => string]> = [
    [
      /^error: unknown option '([^']*)'/,
      (flag) => (nb ? `ukjent valg ${q(flag)}` : `unknown option ${q(flag)}`),
    ],
    [
      /^error: unknown command '([^']*)'/,
      (name) => (nb ? `ukjent kommando ${q(name)}` : `unknown command ${q(name)}`),
    ],
    [
      /^error: missing required argument '([^']*)'/,
      (name) => (nb ? `argumentet <${name}> mangler` : `the argument <${name}> is missing`),
    ],
    [
      /^error: option '([^']*)' argument missing/,
      (flags) =>
        nb ? `valget ${q(flags)} mangler en verdi` : `the option ${q(flags)} needs a value`,
    ],
    [
      /^error: option '([^']*)' argument '([^']*)' is invalid\. Allowed choices are (.*)\./,
      (flags, value, choices) =>
        nb
          ? `${q(value)} er ikke en gyldig verdi for ${q(flags)}; velg én av ${choices}`
          : `${q(value)} is not a valid value for ${q(flags)}; choose one of ${choices}`,
    ],
    [
      /^error: too many arguments(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+)\./,
      (name, expected, got) =>
        nb
          ? `for mange argumenter${name ? ` til ${q(name)}` : ''}: forventet ${expected}, fikk ${got}`
          : `too many arguments${name ? ` for ${q(name)}` : ''}: expected ${expected}, got ${got}`,
    ],
  ];
  const [first = '', ...rest] = text.replace(/\n$/, '').split('\n');
  for (const [pattern, say] of patterns) {
    const match = pattern.exec(first);
    if (!match) continue;
    const suggestion = rest
      .join('\n')
      .replace(/^\(Did you mean (.*)\?\)$/, (_, name: string) =>
        nb ? `(Mente du ${name}?)` : `(Did you mean ${name}?)`,
      );
    return `litsynth: ${say(...match.slice(1).map((group) => group ?? ''))}${suggestion ? `\n${suggestion}` : ''}\n`;
  }
  return text;
}
