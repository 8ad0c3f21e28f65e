import {
  ConnectionError,
  type Downloader,
  filenameFromDisposition,
  filenameFromUrl,
  guessVideoType,
  type OpenedVideo,
  ValidationError,
} from '@aikynetix/core/host';
import type { HttpRequestOptions, ZObject } from 'zapier-platform-core';

/** The upload's file field; errors about the file name it. */
export const FILE_FIELD = 'video';

function fileError(rule: string): ValidationError {
  return new ValidationError([{ field: FILE_FIELD, rule }], 'running.createSession');
}

/** `https://host/path/run.mp4?sig=...` -> `https://host/.../run.mp4` (signed query strings are secrets). */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    const last = u.pathname.split('/').pop() ?? '';
    return `${u.origin}/…/${last}`;
  } catch {
    return 'the file URL';
  }
}

/** Only absolute http(s) URLs: a Zapier file is always one, and anything else could be a local path. */
export function checkFileUrl(value: unknown): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!text) throw fileError('is required: map a file from an earlier step (or paste a public link to the video)');
  if (!/^https?:\/\//i.test(text)) throw fileError('must be a file from an earlier step or an http(s) link to the video');
  return text;
}

/**
 * A Downloader (the core's upload hook) on z.request, so the download shows in Zapier's logs.
 * The app's middleware only authenticates API URLs, so the file's host never gets the key.
 * The body is a stream handed straight to the multipart encoder: nothing is buffered.
 */
export function zapierDownloader(z: ZObject): Downloader {
  return async (url: string, signal?: AbortSignal): Promise<OpenedVideo> => {
    const options = {
      url,
      method: 'GET',
      raw: true,
      skipThrowForStatus: true,
      throwForThrottlingEarly: false,
      // identity: the uploaded bytes must be the file itself, not a gzip of it
      headers: { accept: 'video/*, */*;q=0.8', 'accept-encoding': 'identity' },
      compress: false,
      signal,
    } as HttpRequestOptions & { url: string };
    let res;
    try {
      res = await z.request(options);
    } catch (err) {
      if (signal?.aborted) throw err;
      // Name the file host, not AIKYNETIX: nothing has been sent to the API yet.
      const code = (err as { code?: string }).code ?? 'network error';
      throw new ConnectionError(`Could not download the video from ${redactUrl(url)} (${code})`, {
        operationId: 'running.createSession',
        code,
        notSent: true,
        hint: 'Check that the file link works and is public (or map the file from an earlier step).',
      });
    }
    const body = (res as unknown as { body: NodeJS.ReadableStream & { destroy?: () => void } }).body;
    const drop = () => {
      body.on('error', () => undefined);
      body.destroy?.();
    };
    if (res.status < 200 || res.status >= 300) {
      drop();
      throw fileError(`could not be downloaded from ${redactUrl(url)}: the file host answered HTTP ${res.status}`);
    }
    const served = res.getHeader('content-type')?.split(';')[0].trim().toLowerCase();
    if (served === 'text/html') {
      drop();
      throw fileError(`${redactUrl(url)} returned a web page, not a video: use a direct download link`);
    }
    const length = res.getHeader('content-length');
    const size = length && /^\d+$/.test(length.trim()) ? Number(length) : undefined;
    const filename = filenameFromDisposition(res.getHeader('content-disposition') ?? undefined) ?? filenameFromUrl(new URL(url));
    const contentType = served && served.startsWith('video/') ? served : guessVideoType(filename);
    return { stream: body as unknown as AsyncIterable<Uint8Array>, size, filename, contentType, close: drop };
  };
}
