import * as z from 'zod';
import { field } from './meta';
import type { VideoSource } from '../upload/types';
import { isByteSource } from '../upload/byteStream';
import { videoKindOf } from '../upload/kind';

/**
 * Anything `running.createSession` can upload (the type lives with the upload module, which does
 * the real work: opening, downloading and streaming). This module only recognises the value so
 * that bad input fails validation before any request.
 */
export type { VideoSource, VideoStreamInput } from '../upload/types';

function locationProblem(text: string): string | undefined {
  const s = text.trim();
  if (s === '') return 'is required';
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(s)?.[1]?.toLowerCase();
  if (scheme === undefined || scheme === 'file') return undefined;
  if (scheme !== 'http' && scheme !== 'https') return `must be a file path or an http(s) URL (got a '${scheme}:' URL)`;
  try {
    new URL(s);
    return undefined;
  } catch {
    return 'is not a valid URL';
  }
}

/** Why a value cannot be uploaded as a video, or undefined when it can. */
export function videoProblem(v: unknown): string | undefined {
  switch (videoKindOf(v)) {
    case 'location':
      return locationProblem(v as string);
    case 'url':
      return locationProblem((v as URL).href);
    case 'described': {
      const { stream, size } = v as { stream: unknown; size?: unknown };
      if (!isByteSource(stream)) return "has a 'stream' that is not a readable stream";
      if (size !== undefined && (typeof size !== 'number' || !Number.isInteger(size) || size < 0)) {
        return "has a 'size' that is not a whole number of bytes";
      }
      return undefined;
    }
    case undefined:
      return 'must be a file path, an http(s) URL, a Buffer, a Blob, a readable stream or { stream, size?, filename?, contentType? }';
    default:
      return undefined;
  }
}

/** The upload's `video` input field. */
export const videoField = field(
  z.custom<VideoSource>((v) => videoProblem(v) === undefined, {
    error: (iss) => (iss.input === undefined ? undefined : videoProblem(iss.input)),
  }),
  {
    title: 'Video',
    description: 'The video to analyse: a file path, an http(s) URL, or binary file data. It is streamed, so its size is not limited by memory.',
    fieldType: 'file',
    examples: ['https://example.com/videos/treadmill-run.mp4'],
  },
);
