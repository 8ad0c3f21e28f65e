import type { ResolvedConfig } from '../config';
import { authHeaders } from '../auth';
import type { AnyOperation } from '../registry/types';
import type { TransportBody } from '../transport/types';
import { encodeMultipart } from '../upload/multipart';
import type { ChunkRecycler } from '../upload/recycler';
import { openVideo, precheckVideo, type Downloader } from '../upload/videoSource';

/** Our user agent, so the API owner can tell connector traffic apart. */
export const USER_AGENT = 'aikynetix-connectors/0.1 (+core)';

/** A request ready to send, whose body can be produced once per attempt. */
export interface PreparedRequest {
  method: AnyOperation['method'];
  url: string;
  headers: Record<string, string>;
  /** Produce the body for one attempt (a fresh stream each time when the source allows). */
  body(signal?: AbortSignal): Promise<{ body?: TransportBody; headers: Record<string, string>; dispose?: () => void; recycler?: ChunkRecycler }>;
  /** Whether `body()` may be called again after a failed attempt. */
  replayable: boolean;
  /** Carries a video: idle timeout instead of a total one. */
  isUpload: boolean;
  /** Checks what can be checked without sending (a video file's existence and kind). */
  precheck?: () => Promise<void>;
}

function wireValue(v: unknown): string {
  if (Array.isArray(v)) return v.map(wireValue).join(',');
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

/** Substitute path params (encoded), append query params; undefined values are left out. */
export function buildUrl(baseUrl: string, op: AnyOperation, wire: Record<string, unknown>): string {
  const locations = op.in as Record<string, string>;
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(wireValue(wire[name])));
  const query = new URLSearchParams();
  for (const [key, loc] of Object.entries(locations)) {
    if (loc === 'query' && wire[key] !== undefined && wire[key] !== null) query.append(key, wireValue(wire[key]));
  }
  const qs = query.toString();
  return `${baseUrl}${path}${qs ? `?${qs}` : ''}`;
}

/** A video source that can be opened again for a retry (not a one-shot stream). */
function isReplayableVideo(v: unknown): boolean {
  return typeof v === 'string' || v instanceof Uint8Array || (typeof Blob !== 'undefined' && v instanceof Blob);
}

/** How an upload's video is fetched and reported. */
export interface UploadHooks {
  download?: Downloader;
  onProgress?: (sent: number, total: number | undefined) => void;
}

/** Passes chunks through untouched (a reused buffer stays reused), reporting the running total. */
async function* counted(stream: AsyncIterable<Uint8Array>, total: number | undefined, onProgress: UploadHooks['onProgress']): AsyncGenerator<Uint8Array> {
  let sent = 0;
  for await (const chunk of stream) {
    yield chunk;
    // after the yield: the transport has taken the chunk
    sent += chunk.byteLength;
    onProgress?.(sent, total);
  }
}

/** Build the request for an operation from validated, wire-ready input. */
export function prepareRequest(
  config: ResolvedConfig,
  op: AnyOperation,
  wire: Record<string, unknown>,
  { download, onProgress }: UploadHooks = {},
): PreparedRequest {
  const locations = op.in as Record<string, string>;
  const headers: Record<string, string> = {
    accept: 'application/json',
    'user-agent': USER_AGENT,
    ...config.headers,
    ...(config.apiKey ? authHeaders(config.auth, config.apiKey) : {}),
  };
  const url = buildUrl(config.baseUrl, op, wire);
  const entries = Object.entries(locations);
  const jsonKeys = entries.filter(([, l]) => l === 'json').map(([k]) => k);
  const formKeys = entries.filter(([, l]) => l === 'form').map(([k]) => k);
  const fileKey = entries.find(([, l]) => l === 'file')?.[0];

  if (fileKey) {
    const source = wire[fileKey];
    return {
      method: op.method,
      url,
      headers,
      replayable: isReplayableVideo(source),
      isUpload: true,
      precheck: () => precheckVideo(source),
      async body(signal) {
        const video = await openVideo(source as never, { download, signal });
        const fields: Array<[string, string]> = [];
        for (const k of formKeys) if (wire[k] !== undefined && wire[k] !== null) fields.push([k, wireValue(wire[k])]);
        const stream = onProgress ? counted(video.stream, video.size, onProgress) : video.stream;
        const mp = encodeMultipart(fields, { field: fileKey, ...video, stream });
        const h: Record<string, string> = { 'content-type': mp.contentType };
        if (mp.contentLength !== undefined) h['content-length'] = String(mp.contentLength);
        // closes the file handle or download connection if the transport never read the body
        return { body: mp.body, headers: h, dispose: () => void video.close?.(), recycler: video.recycler };
      },
    };
  }
  if (jsonKeys.length > 0) {
    const payload: Record<string, unknown> = {};
    for (const k of jsonKeys) if (wire[k] !== undefined) payload[k] = wire[k];
    const text = JSON.stringify(payload);
    return {
      method: op.method,
      url,
      headers,
      replayable: true,
      isUpload: false,
      async body() {
        return { body: text, headers: { 'content-type': 'application/json' } };
      },
    };
  }
  return { method: op.method, url, headers, replayable: true, isUpload: false, body: async () => ({ headers: {} }) };
}
