import { Command, CommanderError, Option } from 'commander';
import { exitCodes, isLitsynthError, type Lang } from '@litsynth/common';

/** Options every command accepts. */
export interface GlobalOptions {
  lang?: Lang;
}

/**
 * Runs the litsynth CLI with the given arguments and returns the exit code. Commands load their
 * implementation lazily so that start-up stays close to bare Node.
 */
export async function runCli(argv: readonly string[]): Promise<number> {
  let exitCode: number = exitCodes.ok;
  const program = new Command()
    .name('litsynth')
    .description('Check, tabulate and reference literature studies / Sjekk kilder, tabeller og referanser i litteraturstudier')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });

  const lang = () => new Option('--lang <lang>', 'language of messages and tables: nb | en').choices(['nb', 'en']);

  program
    .command('check')
    .description('check every citation of a manuscript against its bibliography')
    .argument('<path>', 'a study folder (with study.yaml) or a manuscript file')
    .option('--bib <file>', 'a bibliography file (repeatable)', collect, [] as string[])
    .addOption(new Option('--format <format>', 'output format').choices(['pretty', 'json']).default('pretty'))
    .addOption(lang())
    .action(async (path: string, options) => {
      const { checkCommand } = await import('./commands/check.js');
      exitCode = await checkCommand(path, options);
    });

  try {
    await program.parseAsync(argv as string[], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? exitCodes.ok : exitCodes.unusableInput;
    }
    if (isLitsynthError(error)) {
      process.stderr.write(`litsynth: ${error.describe('en')}\n`);
      return exitCodes.unusableInput;
    }
    throw error;
  }
  return exitCode;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
