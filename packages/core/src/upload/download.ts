import { ValidationError } from '../errors/input';
import { AbortError, ConnectionError } from '../errors/network';
import { toByteStream } from './byteStream';
import { pickContentType } from './contentType';
import { filenameFromDisposition, filenameFromUrl } from './filename';
import { redactUrlCredentials } from '../util/redact';
import { redactUrl } from './redact';
import type { Downloader, OpenedVideo } from './types';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export interface DownloaderOptions {
  /** The fetch to use (default: Node's global fetch, so the core needs no HTTP library). */
  fetch?: typeof fetch;
  /** Redirect hops followed before giving up (default 5). */
  maxRedirects?: number;
}

function videoError(rule: string): ValidationError {
  return new ValidationError([{ field: 'video', rule }], 'running.createSession');
}

/** The code of a network failure (`ECONNREFUSED`, `ENOTFOUND`...) rather than fetch's bare "fetch failed". */
function failureCode(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (err as Error).message ?? 'network error';
}

/** `Basic <base64(user:password)>` from a URL's (percent-encoded) user info. */
function basicAuth(url: URL): string {
  const pair = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  return `Basic ${btoa(String.fromCharCode(...new TextEncoder().encode(pair)))}`;
}

/**
 * Builds a downloader that streams a video URL. It sends no credentials (the API key belongs to
 * AIKYNETIX, not to the file's host), follows redirects itself (so loops are reported) and never
 * buffers the body.
 */
export function createDownloader(options: DownloaderOptions = {}): Downloader {
  const maxRedirects = options.maxRedirects ?? 5;
  return async (url: string, signal?: AbortSignal): Promise<OpenedVideo> => {
    const doFetch = options.fetch ?? fetch;
    let current = new URL(url);
    // fetch refuses URLs with user:password (echoing them in its error): send them as Basic auth
    // instead, to the URL's own origin only, and keep them out of every message.
    const basic = current.username || current.password ? basicAuth(current) : undefined;
    const origin = current.origin;
    current.username = '';
    current.password = '';
    for (let hop = 0; ; hop++) {
      let res: Response;
      try {
        res = await doFetch(current, {
          method: 'GET',
          redirect: 'manual',
          // identity: the bytes we upload must be the file itself, not a decoded gzip of it
          headers: {
            accept: 'video/*, */*;q=0.8',
            'accept-encoding': 'identity',
            ...(basic && current.origin === origin ? { authorization: basic } : {}),
          },
          signal,
        });
      } catch (err) {
        if (signal?.aborted) throw new AbortError('The video download was aborted');
        // The fetch error is not kept as cause: its message may hold the URL it was given.
        throw new ConnectionError(`Could not download the video from ${redactUrl(current)} (${redactUrlCredentials(failureCode(err))})`, {
          operationId: 'running.createSession',
          // Failing to fetch the video happens before anything is sent to AIKYNETIX.
          notSent: true,
          hint: 'Check that the video URL is correct and reachable from this machine.',
        });
      }
      const status = res.status;
      if (REDIRECT_STATUSES.has(status)) {
        await res.body?.cancel().catch(() => undefined);
        const location = res.headers.get('location');
        if (!location) throw videoError(`${redactUrl(current)} answered HTTP ${status} without a Location`);
        if (hop >= maxRedirects) throw videoError(`${redactUrl(url)} redirected more than ${maxRedirects} times`);
        current = new URL(location, current);
        if (current.protocol !== 'https:' && current.protocol !== 'http:') {
          throw videoError(`${redactUrl(url)} redirected to an unsupported ${current.protocol} URL`);
        }
        continue;
      }
      if (status < 200 || status >= 300) {
        await res.body?.cancel().catch(() => undefined);
        throw videoError(`could not be downloaded from ${redactUrl(current)}: the server answered HTTP ${status}`);
      }
      const served = res.headers.get('content-type')?.split(';')[0].trim().toLowerCase();
      if (served === 'text/html') {
        await res.body?.cancel().catch(() => undefined);
        throw videoError(`${redactUrl(current)} returned a web page, not a video file; use a direct download link`);
      }
      const length = res.headers.get('content-length');
      const encoding = res.headers.get('content-encoding');
      // A server that compresses anyway: fetch decodes it, so the header no longer counts our bytes.
      const encoded = encoding !== null && encoding.trim().toLowerCase() !== 'identity';
      const size = !encoded && length !== null && /^\d+$/.test(length.trim()) ? Number(length) : undefined;
      const filename = filenameFromDisposition(res.headers.get('content-disposition') ?? undefined) ?? filenameFromUrl(current);
      const body = res.body;
      if (!body) throw videoError(`${redactUrl(current)} sent no content`);
      return {
        stream: toByteStream(body),
        size,
        filename,
        contentType: served?.startsWith('video/') ? served : pickContentType(undefined, filename),
        close: () => {
          if (!body.locked) body.cancel().catch(() => undefined);
        },
      };
    }
  };
}

/** The downloader used when the host injects none. */
export const defaultDownloader: Downloader = createDownloader();
