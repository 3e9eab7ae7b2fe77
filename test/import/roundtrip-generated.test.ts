import fc from 'fast-check';
import { fuzzParams } from '../support/fuzz';
import { FULL_RANGE } from './generated-report';
import { importBytes, renderTo, roundTripDifferences } from './support';

/**
 * Word and the web page carry cells as cells. The PDF is read by position and by the cell
 * borders drawn on its pages (docs/IMPORT.md §3.2): figures of up to six digits widen their
 * columns and wrap the labels beside them, and every figure still comes back.
 */
describe('import: generated reports rendered by xxgk and imported back (fast-check, fixed seed; FUZZ_SEED replays)', () => {
  test.each([
    ['docx', true, 12],
    ['html', true, 12],
    ['pdf', false, 6],
  ] as const)('%s: every figure, heading and paragraph comes back (bold compared: %s)', async (format, bold, numRuns) => {
    await fc.assert(
      fc.asyncProperty(FULL_RANGE, async (data) => {
        const result = await importBytes(await renderTo(data, format), format);
        const diff = roundTripDifferences(data, result, bold);
        if (diff.length > 0) throw new Error(diff.slice(0, 5).join('\n'));
        if (data.contact !== undefined && result.data.contact !== data.contact) throw new Error(`contact ${String(result.data.contact)}`);
      }),
      fuzzParams(numRuns, { endOnFailure: true }),
    );
  }, 120_000);
});
