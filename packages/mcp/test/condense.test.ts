import { condense } from '../src';
import { LIST_MAX, SERIES_MAX, TEXT_MAX } from '../src/tools/condense';

describe('condense', () => {
  it('replaces a long numeric series by its statistics and keeps short ones', () => {
    const series = Array.from({ length: 101 }, (_, i) => i / 2);
    const stats = { condensed: 0 };
    const out = condense({ curve: series, short: [1, 2, 3] }, stats) as Record<string, unknown>;
    expect(out.curve).toEqual({ summarised: 'series', count: 101, min: 0, max: 50, mean: 25, first: 0, last: 50 });
    expect(out.short).toEqual([1, 2, 3]);
    expect(stats.condensed).toBe(1);
  });

  it('keeps the first items and the count of a long list, and cuts long text', () => {
    const list = Array.from({ length: LIST_MAX + 1 }, (_, i) => ({ frame: i, points: [[1, 2]] }));
    const out = condense({ frames: list, text: 'x'.repeat(TEXT_MAX + 10) }) as Record<string, any>;
    expect(out.frames.summarised).toBe('list');
    expect(out.frames.count).toBe(LIST_MAX + 1);
    expect(out.frames.first_items).toHaveLength(3);
    expect(out.text).toContain('[10 more characters]');
  });

  it('leaves a series of exactly SERIES_MAX numbers alone', () => {
    const s = Array.from({ length: SERIES_MAX }, (_, i) => i);
    expect(condense(s)).toEqual(s);
  });
});
