import type { Locator } from '@litsynth/citations';
import { describe, expect, it } from 'vitest';
import { expectedLocator } from './form-rules.js';

const locator = (label: string, value: string, raw: string): Locator => ({ label, value, raw, start: 0 });

describe('expectedLocator', () => {
  it('writes pages the Norwegian APA way, and the English way in English theses', () => {
    const written = [locator('s.', '112', 's.112'), locator('s', '53', 's 53'), locator('s,', '32', 's, 32'), locator('', '59', '59'), locator('s.', '31-33', 's.31-33'), locator('side', '4 - 5', 'side 4 - 5')];
    expect(written.map((item) => expectedLocator(item, 'nb'))).toEqual(['s. 112', 's. 53', 's. 32', 's. 59', 's. 31–33', 's. 4–5']);
    expect(written.map((item) => expectedLocator(item, 'en'))).toEqual(['p. 112', 'p. 53', 'p. 32', 'p. 59', 'pp. 31–33', 'pp. 4–5']);
  });

  it('keeps other labels and the hyphen of a section of a law', () => {
    expect([locator('§', '11-7', '§11-7'), locator('kap.', '3', 'kap.3'), locator('para.', '2', 'para. 2')].map((item) => expectedLocator(item, 'nb'))).toEqual(['§ 11-7', 'kap. 3', 'para. 2']);
  });
});
