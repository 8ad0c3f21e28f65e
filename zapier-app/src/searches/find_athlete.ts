import { athleteOutputFields, athleteSample, matchAthletes, recentAthletes } from '../athletes';
import { guarded } from '../errors';
import type { SearchDef } from '../types';

/** Finds an athlete by name or user ID among those with sessions (the search behind the User ID dropdowns). */
const findAthlete: SearchDef = {
  key: 'find_athlete',
  noun: 'Athlete',
  display: {
    label: 'Find Athlete',
    description: 'Finds an athlete by name (or exact user ID) among the athletes of your recent sessions.',
  },
  operation: {
    inputFields: [
      {
        key: 'query',
        label: 'Athlete Name or User ID',
        required: true,
        helpText: 'Part of the athlete\'s name (any case), or their exact AIKYNETIX user ID.',
      },
    ],
    perform: (z, bundle) =>
      guarded(z, bundle, async () => matchAthletes(await recentAthletes(z, bundle), String(bundle.inputData?.query ?? ''))),
    outputFields: athleteOutputFields,
    sample: athleteSample,
  },
};

export default findAthlete;
