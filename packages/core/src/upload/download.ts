import { request, type Dispatcher } from 'undici';
import { ValidationError } from '../errors/input';
import { AbortError, ConnectionError } from '../errors/network';
import { pickContentType } from './contentType';
import { filenameFromDisposition, filenameFromUrl } from './filename';
import { redactUrl } from './redact';
import type { Downloader, OpenedVideo } from './types';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export interface DownloaderOptions {
  /** undici dispatcher (pool, proxy agent); default: undici's global dispatcher. */
  dispatcher?: Dispatcher;
  /** Redirect hops followed before giving up (default 5). */
  maxRedirects?: number;
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function videoError(rule: string): ValidationError {
  return new ValidationError([{ field: 'video', rule }], 'running.createSession');
}

/**
 * Builds a downloader that streams a video URL with undici. It sends no credentials (the API key
 * belongs to AIKYNETIX, not to the file's host), follows redirects itself and never buffers the body.
 */
export function createDownloader(options: DownloaderOptions = {}): Downloader {
  const maxRedirects = options.maxRedirects ?? 5;
  return async (url: string, signal?: AbortSignal): Promise<OpenedVideo> => {
    let current = new URL(url);
    for (let hop = 0; ; hop++) {
      let res: Dispatcher.ResponseData;
      try {
        res = await request(current, {
          method: 'GET',
          // identity: the bytes we upload must be the file itself, not a gzip of it
          headers: { accept: 'video/*, */*;q=0.8', 'accept-encoding': 'identity' },
          signal,
          dispatcher: options.dispatcher,
        });
      } catch (err) {
        if (signal?.aborted) throw new AbortError('The video download was aborted', { cause: signal.reason });
        const code = (err as { code?: string }).code ?? (err as Error).message;
        throw new ConnectionError(`Could not download the video from ${redactUrl(current)} (${code})`, {
          operationId: 'running.createSession',
          hint: 'Check that the video URL is correct and reachable from this machine.',
          cause: err,
        });
      }
      const status = res.statusCode;
      if (REDIRECT_STATUSES.has(status)) {
        await res.body.dump().catch(() => undefined);
        const location = header(res.headers, 'location');
        if (!location) throw videoError(`${redactUrl(current)} answered HTTP ${status} without a Location`);
        if (hop >= maxRedirects) throw videoError(`${redactUrl(url)} redirected more than ${maxRedirects} times`);
        current = new URL(location, current);
        if (current.protocol !== 'https:' && current.protocol !== 'http:') {
          throw videoError(`${redactUrl(url)} redirected to an unsupported ${current.protocol} URL`);
        }
        continue;
      }
      if (status < 200 || status >= 300) {
        await res.body.dump().catch(() => undefined);
        throw videoError(`could not be downloaded from ${redactUrl(current)}: the server answered HTTP ${status}`);
      }
      const served = header(res.headers, 'content-type')?.split(';')[0].trim().toLowerCase();
      if (served === 'text/html') {
        await res.body.dump().catch(() => undefined);
        throw videoError(
          `${redactUrl(current)} returned a web page, not a video file; use a direct download link`,
        );
      }
      const length = header(res.headers, 'content-length');
      const size = length !== undefined && /^\d+$/.test(length.trim()) ? Number(length) : undefined;
      const filename =
        filenameFromDisposition(header(res.headers, 'content-disposition')) ?? filenameFromUrl(current);
      const body = res.body;
      return {
        stream: body,
        size,
        filename,
        contentType: served?.startsWith('video/') ? served : pickContentType(undefined, filename),
        close: () => {
          body.on('error', () => undefined); // destroying an unread body emits an abort error
          body.destroy();
        },
      };
    }
  };
}

/** The downloader used when the host injects none. */
export const defaultDownloader: Downloader = createDownloader();
