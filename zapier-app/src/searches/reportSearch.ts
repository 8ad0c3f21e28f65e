import { lookupOperation, sessionIdOf } from '../call';
import { inputFieldsFor } from '../fields';
import type { Flat, OutputField } from '../presenters/flatten';
import type { SearchDef } from '../types';

/** What differs between the "one report of one session" searches. */
export interface ReportSearchSpec {
  key: string;
  noun: string;
  label: string;
  description: string;
  operationId: string;
  present: (sessionId: string, report: Record<string, unknown>) => Flat;
  outputFields: OutputField[];
  sample: Flat;
}

/** A search that fetches one report of a session and presents it; a missing session finds nothing. */
export function reportSearch(spec: ReportSearchSpec): SearchDef {
  return {
    key: spec.key,
    noun: spec.noun,
    display: { label: spec.label, description: spec.description },
    operation: {
      inputFields: inputFieldsFor(spec.operationId),
      perform: async (z, bundle) => {
        const report = await lookupOperation(z, bundle, spec.operationId);
        return report ? [spec.present(sessionIdOf(bundle), report)] : [];
      },
      outputFields: spec.outputFields,
      sample: spec.sample,
    },
  };
}
