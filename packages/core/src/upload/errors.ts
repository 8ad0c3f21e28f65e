import { AikynetixError } from '../errors/base';

/**
 * A video stream delivered a different number of bytes than its declared size. The upload is
 * aborted (the server sees a truncated body and creates no session).
 */
export class VideoSizeMismatchError extends AikynetixError {
  readonly expectedBytes: number;
  readonly actualBytes: number;
  constructor(expectedBytes: number, actualBytes: number, more: boolean) {
    super(
      `The video stream delivered ${more ? 'more than ' : ''}${actualBytes} bytes but its size was given as ${expectedBytes}`,
      {
        operationId: 'running.createSession',
        hint: 'Give the exact size of the video in bytes, or leave the size out; do not change the file while it uploads.',
      },
    );
    this.expectedBytes = expectedBytes;
    this.actualBytes = actualBytes;
  }
}
