import { stat } from 'node:fs/promises';
import { relative } from 'node:path';
import { LitsynthError } from '@litsynth/common';

/** A path as the user would write it: relative to the working directory when inside it. */
export function asGiven(path: string): string {
  const relativePath = relative(process.cwd(), path);
  return relativePath && !relativePath.startsWith('..') ? relativePath : path;
}

/** An output folder that is a file is a usage error (exit 2), found before any work. */
export async function refuseFileAsOutDir(outDir: string, given: string): Promise<void> {
  const info = await stat(outDir).catch(() => undefined);
  if (info && !info.isDirectory()) {
    throw new LitsynthError('usage', 'The output folder is a file; give a folder with --out.', {
      file: given,
      messageNb: 'Utdatamappen er en fil; oppgi en mappe med --out.',
    });
  }
}
