export * from './types';
export { openVideo, type OpenVideoOptions } from './videoSource';
export { createDownloader, defaultDownloader, type DownloaderOptions } from './download';
export { encodeMultipart, escapeHeaderParam, type MultipartBody, type MultipartFile } from './multipart';
export { guessVideoType } from './contentType';
export { VideoSizeMismatchError } from './errors';
