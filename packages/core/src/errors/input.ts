import { redactUrlCredentials } from '../util/redact';
import { AikynetixError } from './base';

/** One problem with the caller's input. */
export interface FieldIssue {
  /** Dotted path of the field, e.g. `session_id` or `body_joint_angles.1`. */
  field: string;
  /** What is wrong, in words a no-code user understands. */
  rule: string;
}

/** Bad input, caught before any network call. Names every field and rule. */
export class ValidationError extends AikynetixError {
  readonly issues: FieldIssue[];

  constructor(given: FieldIssue[], operationId?: string) {
    // A rule may quote what the user typed: a URL in it must not carry its password onward.
    const issues = given.map((i) => ({ field: i.field, rule: redactUrlCredentials(i.rule) }));
    const list = issues.map((i) => `${i.field}: ${i.rule}`).join('; ');
    super(`Invalid input: ${list}`, {
      operationId,
      hint: 'Correct the named field and run again; nothing was sent to AIKYNETIX.',
    });
    this.issues = issues;
  }

  /** The first offending field (for hosts that point at one parameter). */
  get field(): string | undefined {
    return this.issues[0]?.field;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), issues: this.issues };
  }
}

/** Configuration problems (bad base URL, missing key) found when the client is built. */
export class ConfigError extends AikynetixError {}
