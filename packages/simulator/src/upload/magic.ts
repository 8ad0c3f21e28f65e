/** How many leading bytes the sniffer needs. */
export const MAGIC_BYTES = 12;

/**
 * Recognises video containers by their magic bytes: MP4/MOV (`ftyp` at offset 4),
 * WebM/Matroska (EBML header 1A 45 DF A3), AVI (`RIFF....AVI `).
 */
export function videoKind(head: Buffer): 'mp4' | 'webm' | 'avi' | undefined {
  if (head.length >= 8 && head.toString('latin1', 4, 8) === 'ftyp') return 'mp4';
  if (head.length >= 4 && head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) return 'webm';
  if (head.length >= 12 && head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 11) === 'AVI') return 'avi';
  return undefined;
}
