import { KEYS, LeakWatch } from './support/secrets';

/** The leak check itself must be able to fail: it finds a key wherever a person could see it. */
describe('LeakWatch', () => {
  test('finds a key in a message, a nested object, a hidden property or a console line; not in clean values', () => {
    const watch = new LeakWatch();
    watch.record('clean', { ok: true, key: '***' });
    expect(watch.leaks()).toEqual([]);

    watch.record('message', new Error(`bad key ${KEYS.admin}`));
    const hidden = new Error('looks clean');
    Object.defineProperty(hidden, 'config', { value: { headers: { authorization: `API-KEY ${KEYS.nonAdmin}` } }, enumerable: false });
    watch.record('hidden', hidden);
    watch.record('nested', { a: [{ b: { c: KEYS.noPlan } }] });
    watch.captureConsole();
    console.log('request headers', { 'api-key': KEYS.admin });
    watch.stop();
    expect(watch.leaks().sort()).toEqual(['console.log', 'hidden', 'message', 'nested']);
  });
});
