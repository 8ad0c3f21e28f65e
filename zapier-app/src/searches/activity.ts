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

/** The chosen activity; anything unknown falls back to running, as the field's default. */
export function activityOf(bundle: Bundle): DetailActivity {
  const v = String((bundle.inputData as Record<string, unknown> | undefined)?.activity ?? 'running').trim().toLowerCase();
  if (v === 'vertical jump' || v === 'jump') return 'jumping';
  return (DETAIL_ACTIVITIES as readonly string[]).includes(v) ? (v as DetailActivity) : 'running';
}
