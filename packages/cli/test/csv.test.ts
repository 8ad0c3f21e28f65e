import { csvChunks, csvField, exportTable } from '../src/csv';

describe('csv', () => {
  it('quotes fields with commas, quotes and line breaks only', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(1.5)).toBe('1.5');
    expect(csvField(false)).toBe('false');
  });

  it('lays series out by timestamp, pads short series, lists skipped scalars', () => {
    const t = exportTable({
      all_timestamps: [0, 0.5, 1],
      metrics: { speed: [3, 3.1, 3.2], distance: 12 },
      angles: { 'left knee': [10, 11] },
      contact: [true, false, true],
    });
    expect(t.columns).toEqual(['timestamp', 'metrics.speed', 'angles.left knee', 'contact']);
    expect(t.skipped).toEqual(['metrics.distance']);
    expect([...csvChunks(t, 2)].join('')).toBe(
      'timestamp,metrics.speed,angles.left knee,contact\n0,3,10,true\n0.5,3.1,11,false\n1,3.2,,true\n',
    );
  });

  it('without timestamps uses the row index and the longest series', () => {
    const t = exportTable({ metrics: { a: [1, 2], b: [5] } });
    expect([...csvChunks(t)].join('')).toBe('timestamp,metrics.a,metrics.b\n0,1,5\n1,2,\n');
  });

  it('an empty export is just the header', () => {
    expect([...csvChunks(exportTable({}))].join('')).toBe('timestamp\n');
  });
});
