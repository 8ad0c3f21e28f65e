import { athleteOutputFields, athleteSample, recentAthletes } from '../athletes';
import { guarded } from '../errors';
import type { TriggerDef } from '../types';

/** Hidden trigger behind every User ID dropdown: the athletes of the account's recent sessions. */
const athleteList: TriggerDef = {
  key: 'athlete_list',
  noun: 'Athlete',
  display: { label: 'Athlete List', description: 'Lists the athletes of recent sessions for the User ID dropdowns.', hidden: true },
  operation: {
    type: 'polling',
    perform: (z, bundle) => guarded(z, bundle, () => recentAthletes(z, bundle)),
    sample: athleteSample,
    outputFields: athleteOutputFields,
  },
};

export default athleteList;
