import { Fingerprint, keyOf, keyString } from '../src/feed/fingerprint';

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i}-Zb3kPq9XyT2mLw8RvN4c`);
const keys = (list: string[]) => list.map((id) => keyString(keyOf(id))).sort();

describe('the feed fingerprint (invertible Bloom lookup table of session ids)', () => {
  test('the difference of two account fingerprints decodes into the ids added and removed', () => {
    const history = ids('h', 10_000);
    const believed = new Fingerprint(320);
    history.forEach((id) => believed.add(keyOf(id)));
    const gone = history.slice(500, 530);
    const added = ids('new', 150);
    const actual = new Fingerprint(320);
    history.filter((id) => !gone.includes(id)).concat(added).forEach((id) => actual.add(keyOf(id)));
    const diff = actual.minus(believed).decode()!;
    expect(diff.added.map(keyString).sort()).toEqual(keys(added));
    expect(diff.removed.map(keyString).sort()).toEqual(keys(gone));
  });

  test('a difference too large to decode is reported as such (null), never as a partial answer', () => {
    const a = new Fingerprint(320);
    ids('x', 400).forEach((id) => a.add(keyOf(id)));
    expect(a.decode()).toBeNull();
  });

  test('decodes 200 differences in 98 of 100 random trials or more', () => {
    let ok = 0;
    for (let t = 0; t < 100; t++) {
      const f = new Fingerprint(320);
      ids(`t${t}`, 200).forEach((id) => f.add(keyOf(id)));
      if (f.decode()?.added.length === 200) ok++;
    }
    expect(ok).toBeGreaterThanOrEqual(98);
  });

  test('packs to base64url and back; anything else is not a fingerprint', () => {
    const f = new Fingerprint(320);
    ids('p', 50).forEach((id) => f.add(keyOf(id)));
    const packed = f.pack();
    expect(packed).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(packed.length).toBe(5120);
    const back = Fingerprint.unpack(packed)!;
    expect(back.decode()!.added.map(keyString).sort()).toEqual(keys(ids('p', 50)));
    for (const bad of [undefined, 42, '', 'not base64!', 'abc']) expect(Fingerprint.unpack(bad)).toBeUndefined();
  });
});
