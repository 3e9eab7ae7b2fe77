import { exampleData, importBytes, renderTo, roundTripDifferences } from './support';

describe('import: the example rendered by xxgk and imported back', () => {
  const data = exampleData();
  test.each([
    ['docx', true],
    ['html', true],
    ['pdf', false],
  ] as const)('%s: the same figures, headings and paragraphs (bold compared: %s)', async (format, bold) => {
    const result = await importBytes(await renderTo(data, format), format);
    expect(roundTripDifferences(data, result, bold)).toEqual([]);
    expect(result.unread).toEqual([]);
    expect(result.data.contact).toBe(data.contact);
    expect(result.data.preamble).toBeUndefined();
    expect(result.sections).toBe(6);
  });
});
