import { describe, expect, it } from 'vitest';
import { loadCorpus, scoreCorpus } from './test-corpus.js';

// Thresholds set from the measured figures with a small margin; see README "Accuracy".
const minimumRecall = 0.98;
const minimumPrecision = 0.98;
const minimumFieldAgreement = 0.98;

describe('annotated corpus', () => {
  const cases = loadCorpus();
  const score = scoreCorpus(cases);

  it('is large enough to mean something', () => {
    expect(score.positiveCases).toBeGreaterThanOrEqual(200);
    expect(score.negativeCases).toBeGreaterThanOrEqual(60);
  });

  it('finds the annotated citations (recall) and little else (precision)', () => {
    console.log(
      `corpus: ${score.positiveCases} positive cases, ${score.negativeCases} negative cases, ` +
        `${score.expected} citations expected, ${score.found} found, ${score.matched} matched; ` +
        `recall ${score.recall.toFixed(3)}, precision ${score.precision.toFixed(3)}, ` +
        `other fields agree on ${score.fieldsAgree}/${score.matched}`,
    );
    for (const file of [...new Set(cases.map((corpusCase) => corpusCase.file))]) {
      const part = scoreCorpus(cases.filter((corpusCase) => corpusCase.file === file));
      console.log(
        `  ${file}: ${part.expected} expected, ${part.found} found, ${part.matched} matched; ` +
          `(${part.positiveCases} positive, ${part.negativeCases} negative cases) recall ${part.recall.toFixed(3)}, precision ${part.precision.toFixed(3)}, fields ${part.fieldsAgree}/${part.matched}`,
      );
    }
    if (score.misses.length + score.falseAlarms.length > 0) {
      console.log(
        `misses:\n${score.misses.join('\n')}\nfalse alarms:\n${score.falseAlarms.join('\n')}`,
      );
    }
    expect(score.recall).toBeGreaterThanOrEqual(minimumRecall);
    expect(score.precision).toBeGreaterThanOrEqual(minimumPrecision);
  });

  it('parses form, et al., connector, prefix and secondary source as annotated', () => {
    if (score.fieldErrors.length > 0) console.log(`field errors:\n${score.fieldErrors.join('\n')}`);
    expect(score.fieldsAgree / score.matched).toBeGreaterThanOrEqual(minimumFieldAgreement);
  });
});
