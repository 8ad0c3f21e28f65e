import { Readable } from 'node:stream';
import { createDownloader, type Downloader, ValidationError } from '@aikynetix/core/host';
import type { HttpRequestOptions, ZObject } from 'zapier-platform-core';

/** The upload's file field; errors about the file name it. */
export const FILE_FIELD = 'video';
/** What the Zap editor calls it. */
export const FILE_LABEL = 'Video File';

/**
 * The largest video a Zapier step takes. Zapier stops a step after 30 s and downloads files of
 * about 120 MB at most (hydrated files are unreliable beyond 100-150 MB). At the 4 MB/s a step can
 * count on to download and re-upload at once, 25 s of the 30 carry 100 MB: both limits land here.
 */
export const MAX_ZAPIER_VIDEO_BYTES = 100 * 1000 * 1000;

function fileError(rule: string): ValidationError {
  return new ValidationError([{ field: FILE_FIELD, rule }], 'running.createSession');
}

/** Only absolute http(s) URLs: a Zapier file is always one, and anything else could be a local path. */
export function checkFileUrl(value: unknown): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!text) throw fileError('is required: map a file from an earlier step (or paste a public link to the video)');
  if (!/^https?:\/\//i.test(text)) throw fileError('must be a file from an earlier step or an http(s) link to the video');
  return text;
}

/**
 * A node stream as a web stream that reads only when asked. Unlike Readable.toWeb, nothing is
 * pushed after the reader stops (e.g. a file refused midway): a late chunk can never hit a closed
 * stream and surface as an uncaught TypeError.
 */
function pulled(source: Readable): ReadableStream<Uint8Array> {
  const chunks = source[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await chunks.next();
      if (done) controller.close();
      else controller.enqueue(typeof value === 'string' ? Buffer.from(value) : (value as Uint8Array));
    },
    async cancel() {
      await chunks.return?.();
    },
  });
}

/** Statuses whose responses can have no body (the Response constructor refuses one). */
const NULL_BODY = new Set([101, 204, 205, 304]);

/**
 * A fetch on z.request, so the core's downloader (status, redirects, web pages, length, name and
 * content-encoding rules, one URL redactor) runs unchanged inside Zapier and the download shows in
 * Zapier's HTTP log. The app's middleware authenticates only API URLs: the file host never gets the key.
 */
export function zapierFetch(z: ZObject): typeof fetch {
  return async (input, init = {}) => {
    const url = input instanceof URL ? input.href : typeof input === 'string' ? input : input.url;
    const options = {
      url,
      method: init.method ?? 'GET',
      headers: Object.fromEntries(new Headers(init.headers).entries()),
      raw: true,
      redirect: init.redirect ?? 'follow',
      signal: init.signal ?? undefined,
      skipThrowForStatus: true,
      throwForThrottlingEarly: false,
    } as unknown as HttpRequestOptions & { url: string };
    let res: { status: number; headers: { forEach(cb: (value: string, key: string) => void): void }; body: NodeJS.ReadableStream };
    try {
      res = (await z.request(options)) as unknown as typeof res;
    } catch (err) {
      // As fetch fails: a bare TypeError with the network code as its cause. node-fetch's own
      // message repeats the full URL, signed query string included, and must not reach the user.
      const code = (err as { code?: string; errno?: string }).code ?? (err as { errno?: string }).errno ?? 'network error';
      throw Object.assign(new TypeError('fetch failed'), { cause: { code } });
    }
    const headers = new Headers();
    res.headers.forEach((value, key) => headers.append(key, value));
    if (NULL_BODY.has(res.status)) {
      (res.body as unknown as Readable).destroy?.();
      return new Response(null, { status: res.status, headers });
    }
    return new Response(pulled(res.body as unknown as Readable), { status: res.status, headers });
  };
}

const mb = (n: number) => `${Math.round(n / 1e6)} MB`;

function tooLarge(what: string): ValidationError {
  return fileError(`${what}; a Zapier step moves at most ${mb(MAX_ZAPIER_VIDEO_BYTES)} in its 30 s. Upload large videos with the AIKYNETIX n8n node or CLI (any size)`);
}

/**
 * The bytes of a file whose host did not say its size, stopped with the same refusal as soon as
 * they pass the limit. The upload's body then ends unfinished, so the API cannot store the video.
 */
async function* capped(stream: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  let seen = 0;
  for await (const chunk of stream) {
    seen += chunk.byteLength;
    if (seen > MAX_ZAPIER_VIDEO_BYTES) throw tooLarge(`is larger than ${mb(MAX_ZAPIER_VIDEO_BYTES)} (its host did not say its size)`);
    yield chunk;
  }
}

/**
 * The core's downloader on z.request, refusing a file Zapier cannot move within a step: at once
 * (before anything is sent) when its host announces the size, else as soon as the bytes pass the
 * limit. The message names the field and the way out.
 */
export function zapierDownloader(z: ZObject): Downloader {
  const download = createDownloader({ fetch: zapierFetch(z) });
  return async (url, signal) => {
    const video = await download(url, signal);
    if (video.size === undefined) return { ...video, stream: capped(video.stream) };
    if (video.size > MAX_ZAPIER_VIDEO_BYTES) {
      video.close?.();
      throw tooLarge(`is ${mb(video.size)}`);
    }
    return video;
  };
}
