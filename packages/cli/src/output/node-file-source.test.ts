import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeFileSource } from './node-file-source.js';
import {
  isOptimising,
  longWorkBytes,
  optimiseForLongWork,
  startWithoutOptimisingCompiler,
} from './optimising-compiler.js';

const dir = mkdtempSync(join(tmpdir(), 'litsynth-node-source-'));
afterAll(() => {
  optimiseForLongWork();
  rmSync(dir, { recursive: true, force: true });
});

describe('nodeFileSource and the optimising compiler', () => {
  it('keeps it off for a short text and turns it on for a long one', async () => {
    const short = join(dir, 'short.txt');
    const long = join(dir, 'long.txt');
    writeFileSync(short, 'Kort tekst (Hansen, 2020).');
    writeFileSync(long, 'a'.repeat(longWorkBytes));
    startWithoutOptimisingCompiler();
    await nodeFileSource.read(short, { role: 'manuscript', binary: false });
    expect(isOptimising()).toBe(false);
    await nodeFileSource.read(long, { role: 'manuscript', binary: false });
    expect(isOptimising()).toBe(true);
  });

  it('turns it on when a binary document is read, whatever its size', async () => {
    const docx = join(dir, 'small.docx');
    writeFileSync(docx, 'PK\u0003\u0004');
    startWithoutOptimisingCompiler();
    await nodeFileSource.read(docx, { role: 'manuscript', binary: true });
    expect(isOptimising()).toBe(true);
  });
});
