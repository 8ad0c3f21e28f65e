import type { Bundle } from 'zapier-platform-core';
import { callOperation, sessionIdOf } from '../call';
import { inputFieldsFor } from '../fields';
import type { Flat, OutputField } from '../presenters/flatten';
import { presentThreads, threadFields, threadSample } from '../presenters/threads';
import type { CreateDef } from '../types';

/** What differs between the "start a GenAI text" actions. */
export interface GenerationSpec {
  key: string;
  noun: string;
  label: string;
  description: string;
  operationId: string;
  /** The text blocks AIKYNETIX answers with a thread id each. */
  blocks: readonly string[];
  /** Extra output fields taken from the step's input (e.g. the measurement system). */
  echo?: { field: OutputField; value: (bundle: Bundle) => string; sample: string };
}

/**
 * An action that starts a GenAI generation and returns at once with its thread ids. The texts
 * arrive in the matching report later (a zap reads them after a Delay step).
 */
export function generationCreate(spec: GenerationSpec): CreateDef {
  const echoKey = spec.echo?.field.key;
  return {
    key: spec.key,
    noun: spec.noun,
    display: { label: spec.label, description: spec.description },
    operation: {
      inputFields: inputFieldsFor(spec.operationId),
      perform: async (z, bundle) => {
        const threads = await callOperation(z, bundle, spec.operationId);
        const extra: Flat = spec.echo && echoKey ? { [echoKey]: spec.echo.value(bundle) } : {};
        return presentThreads(sessionIdOf(bundle), threads, extra);
      },
      outputFields: threadFields(spec.blocks, spec.echo ? [spec.echo.field] : []),
      sample: threadSample(spec.blocks, spec.echo && echoKey ? { [echoKey]: spec.echo.sample } : {}),
    },
  };
}
