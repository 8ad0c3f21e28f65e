import { lookupOperation, sessionIdOf } from '../call';
import { inputFieldsFor } from '../fields';
import { detailsOutputFields, detailsSample, presentDetails } from '../presenters/details';
import type { SearchDef } from '../types';
import { activityField, activityOf } from './activity';

/** Details of a running, jumping or weightlifting session, with series summarised. */
const sessionDetails: SearchDef = {
  key: 'session_details',
  noun: 'Session Details',
  display: {
    label: 'Get Session Details',
    description: 'Finds the details of a running, jumping or weightlifting session: links, computed metrics and angle statistics.',
  },
  operation: {
    inputFields: [activityField, ...inputFieldsFor('running.get')],
    perform: async (z, bundle) => {
      const activity = activityOf(bundle);
      const details = await lookupOperation(z, bundle, `${activity}.get`, { omit: ['activity'] });
      return details ? [presentDetails(sessionIdOf(bundle), activity, details)] : [];
    },
    outputFields: detailsOutputFields,
    sample: detailsSample,
  },
};

export default sessionDetails;
