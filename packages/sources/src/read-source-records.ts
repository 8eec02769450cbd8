import { basename, extname, join } from 'pathe';
import {
  compareDiagnostics,
  decodeText,
  type Diagnostic,
  type FileSource,
  isLitsynthError,
  LitsynthError,
} from '@litsynth/common';
import { parseSourceRecordFindings, parseSourceRecordFrontmatter } from './parse-source-record.js';
import { recordDiagnostic } from './rules.js';
import type {
  ReadSourceRecordsOptions,
  SourceRecord,
  SourceRecordFrontmatter,
  SourceRecordFrontmatterResult,
  SourceRecordFrontmattersResult,
  SourceRecordsResult,
} from './types.js';

/**
 * Reads source records from a folder (every `*.md` but README.md) or from a list of files. A broken
 * record becomes diagnostics and the others still build. With `ids`, only those records are kept
 * (in that order) and a missing one is a diagnostic.
 */
export async function readSourceRecords(
  source: FileSource,
  input: string | readonly string[],
  options: ReadSourceRecordsOptions = {},
): Promise<SourceRecordsResult> {
  return readSourceRecordFindings(await readSourceRecordFrontmatters(source, input, options));
}

/**
 * Reads the frontmatter of source records (their entries and characteristics), as
 * readSourceRecords reads whole records, without parsing their Markdown bodies: what a check of a
 * manuscript needs. readSourceRecordFindings completes them.
 */
export async function readSourceRecordFrontmatters(
  source: FileSource,
  input: string | readonly string[],
  options: ReadSourceRecordsOptions = {},
): Promise<SourceRecordFrontmattersResult> {
  const { files, missing } = await recordFiles(source, input);
  // A named file that does not exist is unusable input, unless it is one of the ids asked for:
  // then it is an included article without a record, reported below like any other.
  const firstMissing = missing.find(
    (path) => !options.ids?.includes(basename(path, extname(path))),
  );
  if (firstMissing !== undefined) {
    throw new LitsynthError('file-not-found', 'The source record file or folder does not exist.', {
      file: firstMissing,
      messageNb: 'Kildeposten eller kildemappen finnes ikke.',
    });
  }
  const wanted = options.ids ? new Set(options.ids) : undefined;
  const diagnostics: Diagnostic[] = [];
  const byId = new Map<string, SourceRecordFrontmatter>();
  const texts = new Map<string, string>();
  // Files are read one at a time: measured on a loaded 2-core machine, parallel reads were slower
  // (scripts/bench/sources-records.mjs), and parsing is the larger cost anyway.
  for (const file of files) {
    const { result, text } = await parseFile(source, file);
    const id = result.record?.id ?? basename(file, extname(file));
    if (wanted && !wanted.has(id)) continue;
    diagnostics.push(...result.diagnostics);
    const record = result.record;
    if (!record) continue;
    const first = byId.get(record.id);
    if (first) {
      diagnostics.push(
        recordDiagnostic(
          'source-record-duplicate-id',
          { file, line: 1, column: 1 },
          {
            nb: `Id-en «${record.id}» er allerede brukt av ${first.file}; forventet én post per id. Denne posten hoppes over.`,
            en: `The id "${record.id}" is already used by ${first.file}; expected one record per id. This record is skipped.`,
          },
          { key: record.id },
        ),
      );
      continue;
    }
    if (text !== undefined) texts.set(record.file, text);
    byId.set(record.id, record);
  }
  let records: SourceRecordFrontmatter[] = [...byId.values()].sort((a, b) =>
    a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
  if (options.ids) {
    const inputs = typeof input === 'string' ? [input] : [...input];
    records = [];
    for (const id of options.ids) {
      const record = byId.get(id);
      if (record) records.push(record);
      else if (
        !diagnostics.some(
          (diagnostic) => basename(diagnostic.file, extname(diagnostic.file)) === id,
        )
      ) {
        const place = inputs.find((path) => basename(path) === `${id}.md`) ?? inputs[0] ?? '.';
        diagnostics.push(
          recordDiagnostic(
            'source-record-missing-record',
            { file: place, line: 1, column: 1 },
            {
              nb: `Fant ingen post for den inkluderte artikkelen «${id}»; forventet filen ${id}.md.`,
              en: `No record found for the included article "${id}"; expected the file ${id}.md.`,
            },
            { key: id },
          ),
        );
      }
    }
  }
  return { records, diagnostics: diagnostics.sort(compareDiagnostics), texts };
}

/**
 * Records read by their frontmatter, completed with the findings of their bodies (the Markdown
 * parsed now). A finding id used twice across records is reported and the second one skipped.
 */
export async function readSourceRecordFindings(
  read: SourceRecordFrontmattersResult,
): Promise<SourceRecordsResult> {
  const diagnostics: Diagnostic[] = [...read.diagnostics];
  const byFile = new Map<string, SourceRecord>();
  for (const entry of read.records) {
    const text = read.texts.get(entry.file) ?? '';
    const { record, diagnostics: found } = await parseSourceRecordFindings(
      { record: entry, diagnostics: [] },
      text,
      entry.file,
    );
    diagnostics.push(...found);
    if (record) byFile.set(record.file, record);
  }
  // Finding ids are unique across records: the coding of a study refers to them alone. The first
  // in the order the files were read keeps an id.
  const findingOwner = new Map<string, string>();
  for (const file of read.texts.keys()) {
    const record = byFile.get(file);
    if (!record) continue;
    record.findings = record.findings.filter((finding) => {
      const owner = findingOwner.get(finding.id);
      if (owner === undefined) {
        findingOwner.set(finding.id, record.file);
        return true;
      }
      diagnostics.push(
        recordDiagnostic(
          'source-record-duplicate-finding-id',
          { file: record.file, line: finding.line, column: 1 },
          {
            nb: `Funn-id-en «${finding.id}» er allerede brukt i ${owner}; forventet en unik id. Dette funnet hoppes over.`,
            en: `The finding id "${finding.id}" is already used in ${owner}; expected a unique id. This finding is skipped.`,
          },
          { key: finding.id },
        ),
      );
      return false;
    });
  }
  const records = read.records
    .map((entry) => byFile.get(entry.file))
    .filter((record): record is SourceRecord => record !== undefined);
  return { records, diagnostics: diagnostics.sort(compareDiagnostics) };
}

async function recordFiles(
  source: FileSource,
  input: string | readonly string[],
): Promise<{ files: string[]; missing: string[] }> {
  const paths = typeof input === 'string' ? [input] : [...input];
  const files: string[] = [];
  const missing: string[] = [];
  for (const path of paths) {
    const kind = await source.kind(path);
    if (kind === 'missing') {
      missing.push(path);
      continue;
    }
    if (kind !== 'folder') {
      files.push(path);
      continue;
    }
    let entries: string[];
    try {
      entries = await source.list(path);
    } catch (cause) {
      throw new LitsynthError('io', 'The sources folder cannot be read.', {
        file: path,
        messageNb: 'Kildemappen kan ikke leses.',
        cause,
      });
    }
    const names = entries
      .filter((name) => name.toLowerCase().endsWith('.md') && name.toLowerCase() !== 'readme.md')
      .sort();
    files.push(...names.map((name) => join(path, name)));
  }
  return { files, missing };
}

// An empty or binary record file is a problem of that record only: the others still build.
async function parseFile(
  source: FileSource,
  file: string,
): Promise<{ result: SourceRecordFrontmatterResult; text?: string }> {
  try {
    const bytes = await source.read(file, { role: 'source record', binary: false });
    const { text } = decodeText(bytes, file);
    return { result: await parseSourceRecordFrontmatter(text, file), text };
  } catch (error) {
    if (
      isLitsynthError(error) &&
      (error.code === 'empty-file' || error.code === 'binary-file' || error.code === 'too-large')
    ) {
      return {
        result: {
          diagnostics: [
            recordDiagnostic(
              'source-record-frontmatter',
              { file, line: 1, column: 1 },
              {
                nb: `Posten kan ikke leses: ${error.messageNb ?? error.message}`,
                en: `The record cannot be read: ${error.message}`,
              },
            ),
          ],
        },
      };
    }
    throw error;
  }
}
