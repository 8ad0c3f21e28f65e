import { ACTIVITIES } from '@aikynetix/core/host';
import type { TriggerDef } from '../types';

/** Hidden trigger behind the Activity dropdowns: the activity types AIKYNETIX analyses. */
const activityList: TriggerDef = {
  key: 'activity_list',
  noun: 'Activity',
  display: { label: 'Activity List', description: 'Lists the activity types for the Activity dropdowns.', hidden: true },
  operation: {
    type: 'polling',
    perform: async () => ACTIVITIES.map((name) => ({ id: name, name })),
    sample: { id: 'Running', name: 'Running' },
    outputFields: [
      { key: 'id', label: 'Activity' },
      { key: 'name', label: 'Activity Name' },
    ],
  },
};

export default activityList;
