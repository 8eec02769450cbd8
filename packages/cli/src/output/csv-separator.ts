import { LitsynthError } from '@litsynth/common';

/**
 * The --csv-separator option: "," or ";" (Norwegian Excel), anything else is a usage error;
 * undefined when not given (the study's csvSeparator applies).
 */
export function csvSeparator(value: string | undefined): ',' | ';' | undefined {
  if (value === undefined || value === ',' || value === ';') return value;
  throw new LitsynthError('usage', `--csv-separator must be "," or ";", not "${value}".`, {
    messageNb: `--csv-separator må være «,» eller «;», ikke «${value}».`,
  });
}
