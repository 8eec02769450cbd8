import { expect, test } from 'vitest';
import { citeprocCompare } from './citation-js.js';

test('citeprocCompare orders like citeproc (localeCompare, base, no punctuation, numeric), Norwegian letters last and aa as å', () => {
  const names = [
    'Øvergaard',
    'aasen',
    'Zahl',
    'Ås',
    'Ørn',
    'Æsøy',
    'Berg',
    'berg',
    "O'Neil",
    'Olsen',
    'Nr. 10',
    'Nr. 9',
  ];
  const options = { sensitivity: 'base', ignorePunctuation: true, numeric: true } as const;
  const citeproc = (a: string, b: string) =>
    a.toLowerCase().localeCompare(b.toLowerCase(), 'nb-NO', options);
  expect([...names].sort(citeprocCompare('nb-NO'))).toEqual([...names].sort(citeproc));
  expect([...names].sort(citeprocCompare('nb-NO'))).toEqual([
    'Berg',
    'berg',
    'Nr. 9',
    'Nr. 10',
    'Olsen',
    "O'Neil",
    'Zahl',
    'Æsøy',
    'Ørn',
    'Øvergaard',
    'Ås',
    'aasen',
  ]);
});
