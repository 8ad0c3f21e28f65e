import { lookupOperation, sessionIdOf } from '../call';
import { guarded } from '../errors';
import { inputFieldsFor } from '../fields';
import { exportOutputFields, exportSample, presentExport } from '../presenters/export';
import type { SearchDef } from '../types';
import { activityField, activityOf } from './activity';

/** The raw per-frame export as one JSON field, for spreadsheets, storage or code steps. */
const sessionExport: SearchDef = {
  key: 'session_export',
  noun: 'Session Export',
  display: {
    label: 'Find Session Export',
    description: "Finds a session's raw data export (keypoints, angles, metrics per frame) as one JSON text to save or process.",
  },
  operation: {
    // No Demo Data switch: the vendor documents it for running only, and this step spans activities.
    inputFields: [activityField, ...inputFieldsFor('running.export', { omit: ['demo'] })],
    perform: async (z, bundle) => {
      const activity = await guarded(z, bundle, async () => activityOf(bundle));
      const data = await lookupOperation(z, bundle, `${activity}.export`, { omit: ['activity'] });
      return data ? [presentExport(sessionIdOf(bundle), activity, data)] : [];
    },
    outputFields: exportOutputFields,
    sample: exportSample,
  },
};

export default sessionExport;
