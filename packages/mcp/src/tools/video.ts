import { isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_VIDEO_TYPE, guessVideoType, isLoopbackHost } from '@aikynetix/core';
import { ToolInputError } from './errors';
import type { TransportKind } from './types';

const refuse = (rule: string) => new ToolInputError([{ field: 'video', rule }], 'running.createSession');

/**
 * Checks `video` for this transport before anything is opened or sent. Over stdio the server runs
 * on the user's computer, so a local path is theirs; over HTTP it is not, so only URLs. URLs must
 * be https, except loopback addresses (a local file server), as for the API's base URL.
 */
export function checkVideoArg(video: unknown, transport: TransportKind): void {
  if (typeof video !== 'string' || video.trim() === '') {
    throw refuse(transport === 'stdio' ? 'is required: a video file path or an https URL' : 'is required: an https URL of the video');
  }
  const text = video.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1]?.toLowerCase();
  const looksLikeUrl = scheme !== undefined && scheme.length > 1; // "C:\..." is a Windows path
  if (!looksLikeUrl || scheme === 'file') {
    if (transport === 'http') throw refuse('must be an https URL: over HTTP this server cannot read files on your computer');
    checkLocalPath(scheme === 'file' ? fileURLToPath(text) : text);
    return;
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw refuse('is not a valid URL');
  }
  if (url.protocol === 'https:') return;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return;
  throw refuse(`must be an https URL (got ${url.protocol}//); plain http is only accepted for localhost`);
}

/**
 * A model chooses the path, and a prompt can try to steer it: only absolute paths of video files
 * are read (the server's working directory means nothing to the user), never e.g. a key file.
 */
function checkLocalPath(path: string): void {
  if (!isAbsolute(path)) throw refuse(`must be an absolute file path (got '${path}'), e.g. /Users/ana/Movies/run.mp4`);
  const ext = /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase();
  const isVideo = ext !== undefined && (ext === 'mp4' || guessVideoType(`video.${ext}`) !== DEFAULT_VIDEO_TYPE);
  if (!isVideo) throw refuse('must be a video file (.mp4, .mov, .m4v, .webm, .mkv or .avi)');
}
