import { ValidationError } from '@aikynetix/core/host';
import type { Bundle } from 'zapier-platform-core';
import type { InputField } from '../fields';

/** The activities with their own detail/export endpoints. */
export const DETAIL_ACTIVITIES = ['running', 'jumping', 'weightlifting'] as const;
export type DetailActivity = (typeof DETAIL_ACTIVITIES)[number];

/** The "which activity" field of Session Details and Session Export. */
export const activityField: InputField = {
  key: 'activity',
  label: 'Activity',
  helpText: 'The activity the session was recorded for: each has its own report endpoint.',
  type: 'string',
  required: true,
  default: 'running',
  choices: [
    { value: 'running', label: 'Running', sample: 'running' },
    { value: 'jumping', label: 'Jumping (vertical jump)', sample: 'jumping' },
    { value: 'weightlifting', label: 'Weightlifting', sample: 'weightlifting' },
  ],
};

/**
 * The chosen activity (empty means the field's default, running; the API's own names such as
 * `Vertical Jump` are understood). Anything else is refused naming the field: guessing would read
 * the wrong report.
 */
export function activityOf(bundle: Bundle, operationId?: string): DetailActivity {
  const raw = (bundle.inputData as Record<string, unknown> | undefined)?.activity;
  const v = String(raw ?? '').trim().toLowerCase() || 'running';
  if (v === 'vertical jump' || v === 'jump') return 'jumping';
  if ((DETAIL_ACTIVITIES as readonly string[]).includes(v)) return v as DetailActivity;
  throw new ValidationError(
    [{ field: 'activity', rule: `must be running, jumping or weightlifting (got ${JSON.stringify(String(raw).slice(0, 40))})` }],
    operationId,
  );
}
