export * from './types';
export { openVideo, type OpenVideoOptions } from './videoSource';
export { createDownloader, defaultDownloader, type DownloaderOptions } from './download';
export { encodeMultipart, escapeHeaderParam, type MultipartBody, type MultipartFile } from './multipart';
export { guessVideoType, pickContentType, DEFAULT_VIDEO_TYPE } from './contentType';
export { cleanFilename, filenameFromDisposition, filenameFromUrl } from './filename';
export { VideoSizeMismatchError } from './errors';
export { ChunkRecycler } from './recycler';
export { containerOf, sniffVideo, SNIFF_BYTES, type VideoContainer } from './sniff';
