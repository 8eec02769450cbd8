/** Exit codes documented for every litsynth command. */
export const exitCodes = {
  /** No error-severity diagnostic. */
  ok: 0,
  /** Diagnostics of severity `error` were found. */
  errorsFound: 1,
  /** Unusable input or usage: a missing file, an unreadable format, a bad option. */
  unusableInput: 2,
} as const;

export type LitsynthErrorCode =
  | 'usage'
  | 'file-not-found'
  | 'not-a-study'
  | 'empty-file'
  | 'binary-file'
  | 'unsupported-format'
  | 'too-large'
  | 'invalid-config'
  | 'encrypted'
  | 'io';

export interface LitsynthErrorOptions {
  /** The file the problem is in, as the user gave it. */
  file?: string;
  /** 1-based line in that file, when known. */
  line?: number;
  /** 1-based column in that file, when known. */
  column?: number;
  /** The message in Norwegian (bokmål); the main message is English. */
  messageNb?: string;
  cause?: unknown;
}

/**
 * The one error type of litsynth: unusable input, configuration and usage problems.
 * Content problems in a usable file are diagnostics, never errors.
 */
export class LitsynthError extends Error {
  override readonly name = 'LitsynthError';
  readonly code: LitsynthErrorCode;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly messageNb: string | undefined;

  constructor(code: LitsynthErrorCode, message: string, options: LitsynthErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.file = options.file;
    this.line = options.line;
    this.column = options.column;
    this.messageNb = options.messageNb;
  }

  /** The message in the requested language, prefixed with the place (file:line:column). */
  describe(lang: Lang = 'en'): string {
    const text = lang === 'nb' && this.messageNb ? this.messageNb : this.message;
    const place = [this.file, this.line, this.column]
      .filter((part) => part !== undefined)
      .join(':');
    return place ? `${place}: ${text}` : text;
  }
}

/** Whether a value is a LitsynthError (also across duplicated module instances). */
export function isLitsynthError(value: unknown): value is LitsynthError {
  return value instanceof Error && value.name === 'LitsynthError' && 'code' in value;
}

export type Lang = 'nb' | 'en';
