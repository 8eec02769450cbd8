import { describe, expect, it } from 'vitest';
import { closestName, editDistance } from './edit-distance.js';

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect([
      editDistance('Berg', 'Berge'),
      editDistance('Natland', 'Netland'),
      editDistance('Hansen', 'Hanssen'),
      editDistance('', 'abc'),
    ]).toEqual([1, 1, 1, 3]);
  });

  it('stops early past the limit, returning limit + 1', () => {
    expect(editDistance('Kirkegaard', 'Fossestøl', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
    expect(editDistance('Kirkegaard', 'Kierkegaard', 2)).toBe(1);
  });
});

describe('closestName', () => {
  it('suggests the nearest allowed name within two edits, ignoring case', () => {
    expect(closestName('bibliografi', ['bibliography', 'manuscript'])).toBeUndefined();
    expect(closestName('manuskript', ['bibliography', 'manuscript'])).toBe('manuscript');
    expect(closestName('SourcesDir', ['sourcesDir', 'sources'])).toBe('sourcesDir');
    expect(closestName('bibliografi', ['bibliography'], 4)).toBe('bibliography');
  });
});
