import { lookupOperation, sessionIdOf } from '../call';
import { guarded } from '../errors';
import { inputFieldsFor } from '../fields';
import { detailsOutputFields, detailsSample, presentDetails } from '../presenters/details';
import type { SearchDef } from '../types';
import { activityField, activityOf } from './activity';

/** Details of a running, jumping or weightlifting session, with series summarised. */
const sessionDetails: SearchDef = {
  key: 'session_details',
  noun: 'Session Report',
  display: {
    label: 'Find Session Report',
    description: 'Finds the details of a running, jumping or weightlifting session: links, computed metrics and angle statistics.',
  },
  operation: {
    // No Demo Data switch: the vendor documents it for running only, and this step spans activities.
    inputFields: [activityField, ...inputFieldsFor('running.get', { omit: ['demo'] })],
    perform: async (z, bundle) => {
      const activity = await guarded(z, bundle, async () => activityOf(bundle));
      const details = await lookupOperation(z, bundle, `${activity}.get`, { omit: ['activity'] });
      return details ? [presentDetails(sessionIdOf(bundle), activity, details)] : [];
    },
    outputFields: detailsOutputFields,
    sample: detailsSample,
  },
};

export default sessionDetails;
