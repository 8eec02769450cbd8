import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { exitCodes, isLitsynthError, type Lang } from '@litsynth/common';

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

/**
 * Runs the litsynth CLI with the given arguments and returns the exit code. Commands load their
 * implementation lazily (dynamic import) so that start-up stays close to bare Node.
 */
export async function runCli(argv: readonly string[]): Promise<number> {
  let exitCode: number = exitCodes.ok;
  const program = new Command()
    .name('litsynth')
    .description(
      'Check, tabulate and reference literature studies.\nSjekk kildebruk, lag tabeller og referanseliste for litteraturstudier.',
    )
    .version(cliVersion(), '-V, --version', 'print the version of litsynth')
    .exitOverride()
    .showHelpAfterError()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });

  const langOption = () =>
    new Option('--lang <lang>', 'language of messages and tables (default: the study language, else nb)').choices(['nb', 'en']);
  const repeatable = (value: string, previous: string[]) => [...previous, value];

  program
    .command('check')
    .description('check every citation of a manuscript against its bibliography')
    .argument('<path>', 'a study folder (with study.yaml) or a manuscript file (.txt .md .docx .pdf)')
    .option('--bib <file>', 'a bibliography file: .bib .json .yaml .ris (repeatable)', repeatable, [])
    .addOption(new Option('--format <format>', 'output format').choices(['pretty', 'json']).default('pretty'))
    .option('--out <file>', 'write the report to a file instead of stdout')
    .option('--annotate <file>', 'write a copy of the .docx manuscript with a Word comment at each problem')
    .addOption(langOption())
    .action(async (path: string, options) => {
      const { checkCommand } = await import('./commands/check.js');
      exitCode = await checkCommand(path, options);
    });

  program
    .command('bib')
    .description('print the reference list (Norwegian APA 7 by default) of the cited works')
    .argument('[study]', 'a study folder (with study.yaml)')
    .option('--bib <file>', 'a bibliography file: .bib .json .yaml .ris (repeatable)', repeatable, [])
    .addOption(new Option('--format <format>', 'output format').choices(['md', 'html', 'text']).default('md'))
    .option('--out <file>', 'write the list to a file instead of stdout')
    .option('--all', 'every entry, not only the cited works')
    .option('--style <style>', 'CSL style id (norsk-apa-manual, apa) or a .csl file')
    .option('--locale <locale>', 'CSL locale (nb-NO, en-US)')
    .option('--final', 'fail (exit 1, no list) while any cited work is incomplete')
    .addOption(langOption())
    .addHelpText(
      'after',
      '\nstdout is the list alone: complete entries, no markers. An entry that lacks data (or has data no\n' +
        'record confirms) is kept out of it and goes to the to-do on stderr: what is missing, a template\n' +
        'to fill in, possible matches, the years it is cited under. Other problems of the listed entries\n' +
        '(rules bib-*: DOI, duplicates, name variants) follow on stderr.\n' +
        'Exit 1 when one of them is an error (an unreadable entry, an invalid DOI), or with --final while\n' +
        'an entry is incomplete; else 0; 2 for unusable input.',
    )
    .action(async (study: string | undefined, options) => {
      const { bibCommand } = await import('./commands/bib.js');
      exitCode = await bibCommand(study, options);
    });

  program
    .command('matrix')
    .description('build the findings × concepts matrix and the discussion map of a study')
    .argument('<study>', 'a study folder (with study.yaml)')
    .option('--out <dir>', 'output folder (default: <study>/out)')
    .option('--csv-separator <separator>', 'CSV separator: , or ; (Norwegian Excel expects ;)', ',')
    .addOption(langOption())
    .action(async (study: string, options) => {
      const { matrixCommand } = await import('./commands/matrix.js');
      exitCode = await matrixCommand(study, options);
    });

  program
    .command('tables')
    .description('generate the thesis tables: article matrix, search history, discussion tables')
    .argument('<study>', 'a study folder (with study.yaml)')
    .option('--out <dir>', 'output folder (default: <study>/out)')
    .option('--csv-separator <separator>', 'CSV separator: , or ; (Norwegian Excel expects ;)', ',')
    .addOption(langOption())
    .action(async (study: string, options) => {
      const { tablesCommand } = await import('./commands/tables.js');
      exitCode = await tablesCommand(study, options);
    });

  program
    .command('build')
    .description('check, reference list, matrix, tables and report.html for a study, in one go')
    .argument('<study>', 'a study folder (with study.yaml)')
    .option('--out <dir>', 'output folder (default: <study>/out)')
    .option('--quiet', 'no progress output')
    .option('--annotate <file>', 'also write a copy of the .docx manuscript with a Word comment at each problem')
    .addOption(langOption())
    .action(async (study: string, options) => {
      const { buildCommand } = await import('./commands/build.js');
      exitCode = await buildCommand(study, options);
    });

  program
    .command('init')
    .description('create a new study folder to start from')
    .argument('<dir>', 'the folder to create')
    .addOption(langOption())
    .action(async (dir: string, options) => {
      const { initCommand } = await import('./commands/init.js');
      exitCode = await initCommand(dir, options);
    });

  program
    .command('add')
    .description('create the source record of a new article from its bibliographic entry')
    .argument('<study>', 'a study folder (with study.yaml)')
    .argument('<file>', 'the entry: .bib .ris .json .yaml')
    .addOption(langOption())
    .action(async (study: string, file: string, options) => {
      const { addCommand } = await import('./commands/add.js');
      exitCode = await addCommand(study, file, options);
    });

  try {
    await program.parseAsync(argv as string[], { from: 'user' });
  } catch (error) {
    return reportFailure(error, requestedLang(argv));
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
  if (process.env.LITSYNTH_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  return exitCodes.unusableInput;
}

function requestedLang(argv: readonly string[]): Lang {
  const index = argv.indexOf('--lang');
  const value = index >= 0 ? argv[index + 1] : argv.find((arg) => arg.startsWith('--lang='))?.slice(7);
  return value === 'en' ? 'en' : 'nb';
}

/** The version in the CLI package's package.json (one folder above both dist/ and bundle/). */
function cliVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}
