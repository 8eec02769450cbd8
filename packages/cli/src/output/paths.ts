import { stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { LitsynthError } from '@litsynth/common';
import { refuseOverwritingInputs, refuseSystemFolder } from './output-guard.js';
import type { Study } from '@litsynth/study';

/** A path as the user would write it: relative to the working directory when inside it. */
export function asGiven(path: string): string {
  const relativePath = relative(process.cwd(), path);
  return relativePath && !relativePath.startsWith('..') ? relativePath : path;
}

/**
 * An output folder that is a file, the root, a system folder or a virtual file system is a usage
 * error (exit 2), found before any work.
 */
export async function refuseFileAsOutDir(outDir: string, given: string): Promise<void> {
  refuseSystemFolder(outDir, given);
  const info = await stat(outDir).catch(() => undefined);
  if (info && !info.isDirectory()) {
    throw new LitsynthError('usage', 'The output folder is a file; give a folder with --out.', {
      file: given,
      messageNb: 'Utdatamappen er en fil; oppgi en mappe med --out.',
    });
  }
}

/** Every file a study's outputs are made from: study.yaml, the manuscript, bibliography files, records, concepts, coding, a .csl style. */
export function studyInputs(study: Pick<Study, 'dir' | 'config'>): string[] {
  const { config } = study;
  const files = [join(study.dir, 'study.yaml'), config.manuscript, ...config.bibliography];
  files.push(...config.included.map((id) => join(config.sourcesDir, `${id}.md`)));
  if (config.concepts !== undefined) files.push(config.concepts);
  if (config.coding !== undefined) files.push(config.coding);
  if (config.style.endsWith('.csl')) files.push(config.style);
  return files.map((file) => resolve(file));
}

/** Refuses, before anything is written, outputs (relative to `outDir`) that would replace one of the inputs. */
export function refuseOutputsOverInputs(
  outDir: string,
  outputs: readonly string[],
  inputs: readonly string[],
): void {
  refuseOverwritingInputs(
    outputs.map((file) => asGiven(join(outDir, file))),
    inputs.map((file) => asGiven(resolve(file))),
  );
}
