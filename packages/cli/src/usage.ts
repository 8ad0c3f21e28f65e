import { AikynetixError } from '@aikynetix/core';

/** Wrong use of the command line itself (missing flag, bad flag value); exit code 2. */
export class UsageError extends AikynetixError {
  constructor(message: string, hint?: string) {
    super(message, { hint });
  }
}

/** The resource asked for does not exist (e.g. a by-ids lookup that found nothing); exit code 4. */
export class MissingError extends AikynetixError {
  /** The command already printed its (partial) result, so --json must not add an error document. */
  readonly resultPrinted: boolean;
  constructor(message: string, hint?: string, resultPrinted = false) {
    super(message, { hint });
    this.resultPrinted = resultPrinted;
  }
}
