import { ValidationError } from '../errors/input';
import type { OpenedVideo } from './types';

/** Videos whose first bytes were already checked by a positioned read (files). */
const sniffed = new WeakSet<OpenedVideo>();

/** Records that `video`'s first bytes were checked, so openVideo does not read them again. */
export function markSniffed(video: OpenedVideo): OpenedVideo {
  sniffed.add(video);
  return video;
}

/** True when `video`'s first bytes were already checked. */
export function alreadySniffed(video: OpenedVideo): boolean {
  return sniffed.has(video);
}

/** Leading bytes needed to recognise a container. */
export const SNIFF_BYTES = 12;

/** The containers the upload accepts (docs/api-notes.md, "Video files"). */
export type VideoContainer = 'mp4' | 'webm' | 'avi';

const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
/** ISO-BMFF box types a MP4/MOV file can start with (`ftyp` nearly always; old QuickTime files a bare atom). */
const FIRST_BOXES = new Set(['ftyp', 'moov', 'mdat', 'wide', 'free', 'skip']);

/** The video container `head` starts, or undefined. */
export function containerOf(head: Uint8Array): VideoContainer | undefined {
  if (head.length >= 8 && FIRST_BOXES.has(ascii(head, 4, 8))) return 'mp4';
  if (head.length >= 4 && head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) return 'webm';
  if (head.length >= 12 && ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 11) === 'AVI') return 'avi';
  return undefined;
}

/** What a non-video most likely is, so the message says more than "not a video". */
function describe(head: Uint8Array): string {
  const text = ascii(head, 0, Math.min(head.length, SNIFF_BYTES)).trimStart().toLowerCase();
  if (text.startsWith('<')) return 'a web page or XML document';
  if (text.startsWith('%pdf')) return 'a PDF document';
  if (head[0] === 0xff && head[1] === 0xd8) return 'a JPEG image';
  if (ascii(head, 1, 4) === 'PNG') return 'a PNG image';
  if (ascii(head, 0, 2) === 'PK') return 'a ZIP archive';
  if (text.startsWith('{') || text.startsWith('[')) return 'JSON text';
  if ([...head].every((c) => c === 9 || c === 10 || c === 13 || (c >= 32 && c < 127))) return 'plain text';
  return 'in no video format this API accepts';
}

/**
 * Reads the first bytes of an opened video and checks that they start a container the API
 * accepts (MP4/MOV, WebM/Matroska, AVI) before anything is sent: a text file or a web page
 * otherwise becomes a session that only fails in processing. Returns the video with the bytes it
 * read put back in front; nothing else is buffered.
 */
export async function sniffVideo(video: OpenedVideo, field = 'video'): Promise<OpenedVideo> {
  const iterator = video.stream[Symbol.asyncIterator]();
  const held: Uint8Array[] = [];
  let seen = 0;
  let done = false;
  try {
    while (seen < SNIFF_BYTES) {
      const next = await iterator.next();
      if (next.done) {
        done = true;
        break;
      }
      held.push(next.value);
      seen += next.value.byteLength;
    }
  } catch (err) {
    video.close?.();
    throw err;
  }
  const head = new Uint8Array(Math.min(seen, SNIFF_BYTES));
  let at = 0;
  for (const chunk of held) {
    if (at >= head.length) break;
    const part = chunk.subarray(0, head.length - at);
    head.set(part, at);
    at += part.length;
  }
  // The source is mid-read now (a web stream locked to its reader): end the reader first, then
  // let the source's own close cancel the download or free the file handle.
  const close = (): void => {
    void Promise.resolve(iterator.return?.())
      .catch(() => undefined)
      .finally(() => video.close?.());
  };
  try {
    assertVideoHead(head, field);
  } catch (err) {
    close();
    throw err;
  }
  async function* replay(): AsyncGenerator<Uint8Array> {
    yield* held;
    if (done) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  let started = false;
  const stream: AsyncIterable<Uint8Array> = {
    [Symbol.asyncIterator]() {
      if (started) throw new Error('This video stream was already read; open the video again to upload it again');
      started = true;
      return replay();
    },
  };
  return { ...video, stream, close };
}

/** Throws the ValidationError naming `field` unless `head` (a file's first bytes) starts a video container. */
export function assertVideoHead(head: Uint8Array, field = 'video'): void {
  if (containerOf(head)) return;
  const rule =
    head.length === 0
      ? 'is empty (0 bytes)'
      : `is ${describe(head)}, not a video: upload an MP4 or MOV file (WebM, MKV and AVI are accepted too)`;
  throw new ValidationError([{ field, rule }], 'running.createSession');
}
