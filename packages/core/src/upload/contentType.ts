/** Video content types by file extension; anything unknown is sent as MP4, the API's main format. */
const BY_EXTENSION: Record<string, string> = {
  mp4: 'video/mp4',
  m4v: 'video/x-m4v',
  mov: 'video/quicktime',
  webm: 'video/webm',
  mkv: 'video/x-matroska',
  avi: 'video/x-msvideo',
};

export const DEFAULT_VIDEO_TYPE = 'video/mp4';
export const DEFAULT_VIDEO_NAME = 'video.mp4';

/** Guesses a video's content type from its file name's extension (default `video/mp4`). */
export function guessVideoType(filename: string): string {
  const dot = filename.lastIndexOf('.');
  if (dot < 0) return DEFAULT_VIDEO_TYPE;
  return BY_EXTENSION[filename.slice(dot + 1).toLowerCase()] ?? DEFAULT_VIDEO_TYPE;
}

/** Keeps a host-supplied type only when it says something more useful than "bytes". */
export function pickContentType(given: string | undefined | null, filename: string): string {
  const type = given?.split(';')[0]?.trim().toLowerCase();
  if (type && type !== 'application/octet-stream' && /^[\w.+-]+\/[\w.+-]+$/.test(type)) return type;
  return guessVideoType(filename);
}
