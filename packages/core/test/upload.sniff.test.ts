import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { start, type Simulator } from '@aikynetix/simulator';
import { Aikynetix } from '../src';
import { ValidationError } from '../src/errors/input';
import { containerOf, sniffVideo } from '../src/upload/sniff';
import { openVideo } from '../src/upload/videoSource';

const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
const MP4 = '\u0000\u0000\u0000\u0018ftypisom';
const dir = mkdtempSync(join(tmpdir(), 'aky-sniff-'));

async function refusal(p: Promise<unknown>): Promise<ValidationError> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(ValidationError);
  return err as ValidationError;
}

describe('video checks before anything is created', () => {
  it('recognises the containers the API accepts', () => {
    expect(containerOf(bytes(MP4))).toBe('mp4');
    expect(containerOf(bytes('\u0000\u0000\u0000\u0014ftypqt  '))).toBe('mp4'); // MOV
    expect(containerOf(bytes('\u0000\u0000\u0000\u0008wide\u0000\u0000\u0000\u0000'))).toBe('mp4'); // old QuickTime
    expect(containerOf(new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 1, 2, 3, 4]))).toBe('webm');
    expect(containerOf(bytes('RIFF\u0000\u0000\u0000\u0000AVI LIST'))).toBe('avi');
    expect(containerOf(bytes('hello world!'))).toBeUndefined();
    expect(containerOf(bytes('RIFF\u0000\u0000\u0000\u0000WAVEfmt '))).toBeUndefined();
  });

  it.each([
    ['Training notes: 5 x 400 m', /plain text/],
    ['<!DOCTYPE html><html>', /web page/],
    ['%PDF-1.7 ...', /PDF/],
    ['{"video": "nope"}', /JSON/],
  ])('%s is refused naming the video field and what it is', async (content, what) => {
    const path = join(dir, 'clip.mp4');
    writeFileSync(path, content);
    const err = await refusal(openVideo(path));
    expect(err.field).toBe('video');
    expect(err.message).toMatch(what);
    expect(err.message).toMatch(/MP4 or MOV/);
  });

  it('a stream whose first bytes arrive in pieces passes, byte for byte', async () => {
    const body = `${MP4}rest of the file`;
    const video = await openVideo({ stream: Readable.from([body.slice(0, 3), body.slice(3, 7), body.slice(7)].map((p) => Buffer.from(p, 'latin1'))) });
    const out: Uint8Array[] = [];
    for await (const c of video.stream) out.push(c);
    expect(Buffer.concat(out).toString('latin1')).toBe(body);
  });

  it('an empty stream and a too-short one are refused; a refused stream is closed', async () => {
    expect((await refusal(openVideo({ stream: Readable.from([]) }))).message).toMatch(/empty/);
    let closed = false;
    const short = { stream: Readable.from([Buffer.from('abc')]), filename: 'a.mp4', contentType: 'video/mp4', close: () => (closed = true) };
    await refusal(sniffVideo(short));
    await new Promise((r) => setImmediate(r));
    expect(closed).toBe(true);
  });

  describe('through the client against the simulator', () => {
    let sim: Simulator;
    beforeAll(async () => {
      sim = await start({ port: 0, processingDelayMs: 0 });
    });
    afterAll(() => sim.close());

    it('a text file creates no session', async () => {
      const client = new Aikynetix({ apiKey: sim.apiKey, baseUrl: sim.url });
      const path = join(dir, 'notes.mp4');
      writeFileSync(path, 'this is not a video at all');
      const before = sim.control.stats().sessionsCreated;
      const err = await refusal(client.running.createSession({ user_id: 'runner-1', video: path }));
      expect(err.message).toMatch(/video: is plain text, not a video/);
      expect(sim.control.stats().sessionsCreated).toBe(before);
      expect(sim.control.stats().requests['POST /running/sessions/'] ?? 0).toBe(0);
    });

    it('the sample MP4 uploads', async () => {
      const client = new Aikynetix({ apiKey: sim.apiKey, baseUrl: sim.url });
      const fixture = join(__dirname, '..', '..', '..', 'shared', 'fixtures', 'sample-run.mp4');
      expect(containerOf(new Uint8Array(readFileSync(fixture)))).toBe('mp4');
      const created = await client.running.createSession({ user_id: 'runner-1', video: fixture });
      expect(created.session_id).toEqual(expect.any(String));
    });
  });
});
