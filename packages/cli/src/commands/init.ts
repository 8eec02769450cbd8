import { link, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { LitsynthError, exitCodes, type Lang } from '@litsynth/common';
import { refuseSystemFolder } from '../output/output-guard.js';
import { cliPackageRoot } from '../output/package-root.js';
import { removeStaleTemporaryFiles, temporaryPathFor } from '../output/write-file-atomic.js';
import { environmentLanguage } from '../output/ui-language.js';

export interface InitOptions {
  lang?: Lang;
}

/** Where the study templates live, one per language: templates/<nb|en> of the CLI package. */
const templateDir = (lang: Lang) => join(cliPackageRoot(), 'templates', lang);

/**
 * `litsynth init <dir>`: creates a new study folder from the template of the language (study.yaml
 * with a comment on every field, an empty concept framework and coding, a manuscript to start
 * from, a sources folder), every comment in that language. Files that already exist are never
 * overwritten: they are kept and listed.
 */
export async function initCommand(dir: string, options: InitOptions): Promise<number> {
  const lang: Lang = options.lang ?? environmentLanguage();
  const target = resolve(dir);
  refuseSystemFolder(target, dir);
  if (await exists(join(target, 'study.yaml'))) {
    throw new LitsynthError('usage', 'This folder already has a study.yaml; nothing was changed.', {
      file: join(dir, 'study.yaml'),
      messageNb: 'Denne mappen har allerede en study.yaml; ingenting ble endret.',
    });
  }
  const existing = await stat(target).catch(() => undefined);
  if (existing && !existing.isDirectory()) {
    throw new LitsynthError('usage', 'Expected a folder, found a file.', {
      file: dir,
      messageNb: 'Forventet en mappe, fant en fil.',
    });
  }
  const values: Record<string, string> = {
    id: studyIdFromFolder(target),
    language: lang,
    style: lang === 'nb' ? 'norsk-apa-manual' : 'apa',
    locale: lang === 'nb' ? 'nb-NO' : 'en-US',
    csvSeparator: lang === 'nb' ? ';' : ',',
  };
  const created: string[] = [];
  const kept: string[] = [];
  const templates = templateDir(lang);
  for (const file of await templateFiles(templates)) {
    const template = await readFile(join(templates, file), 'utf8');
    const text = template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole);
    const path = join(target, file);
    if (await createFileExclusive(path, text)) created.push(file);
    else kept.push(file);
  }
  const shown = relative(process.cwd(), target) || '.';
  const lines =
    lang === 'nb'
      ? [
          `Opprettet studien «${values.id}» i ${shown}:`,
          ...created.map((file) => `  + ${file}`),
          ...kept.map((file) => `  = ${file} (fantes fra før, ikke endret)`),
          '',
          'Neste steg:',
          `  1. Fyll inn study.yaml (tittel, problemstilling, søk) og legg manuskriptet i ${shown}.`,
          `  2. Legg til artiklene: litsynth add ${shown} artikkel.bib (kildeposten føres opp under included).`,
          `  3. Bygg alt: litsynth build ${shown}`,
        ]
      : [
          `Created the study "${values.id}" in ${shown}:`,
          ...created.map((file) => `  + ${file}`),
          ...kept.map((file) => `  = ${file} (already there, not changed)`),
          '',
          'Next steps:',
          `  1. Fill in study.yaml (title, research question, searches) and put the manuscript in ${shown}.`,
          `  2. Add the articles: litsynth add ${shown} article.bib (the record is listed under included).`,
          `  3. Build everything: litsynth build ${shown}`,
        ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return exitCodes.ok;
}

/** A study id from a folder name: lower-case ASCII letters, digits and hyphens. */
export function studyIdFromFolder(path: string): string {
  const id = asciiFold(basename(path))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return /^[a-z]/.test(id) ? id : `study-${id || 'new'}`;
}

/** Folds Norwegian and other accented letters to ASCII ("Røkenes" → "Rokenes", "Ærø" → "Aero"). */
export function asciiFold(text: string): string {
  return text
    .replace(/æ/g, 'ae')
    .replace(/Æ/g, 'Ae')
    .replace(/ø/g, 'o')
    .replace(/Ø/g, 'O')
    .replace(/å/g, 'a')
    .replace(/Å/g, 'A')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

/**
 * Creates a file only if nothing is there yet, atomically: the text goes to a temporary file,
 * which is then hard-linked to the target (a link never replaces an existing file). Returns
 * false, and changes nothing, when the file already exists.
 */
export async function createFileExclusive(path: string, text: string): Promise<boolean> {
  const directory = dirname(path);
  const temporary = temporaryPathFor(path);
  try {
    await mkdir(directory, { recursive: true });
    await removeStaleTemporaryFiles(directory);
    await writeFile(temporary, text, { flag: 'wx' });
    await link(temporary, path);
    return true;
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new LitsynthError('io', `Could not create the file: ${(cause as Error).message}`, {
      file: path,
      messageNb: `Kunne ikke opprette filen: ${(cause as Error).message}`,
      cause,
    });
  } finally {
    await rm(temporary, { force: true });
  }
}

async function templateFiles(directory: string, prefix = ''): Promise<string[]> {
  const files: string[] = [];
  const entries = await readdir(join(directory, prefix), { withFileTypes: true });
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = prefix ? join(prefix, entry.name) : entry.name;
    if (entry.isDirectory()) files.push(...(await templateFiles(directory, path)));
    else files.push(path);
  }
  return files;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
