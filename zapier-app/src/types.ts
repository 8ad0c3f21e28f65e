import type { Bundle, ZObject } from 'zapier-platform-core';
import type { InputField } from './fields';
import type { Flat, OutputField } from './presenters/flatten';

/** What a perform function returns: one flat item or a list of them. */
export type Perform<R> = (z: ZObject, bundle: Bundle) => Promise<R>;

interface Display {
  label: string;
  description: string;
  hidden?: boolean;
}

/**
 * The app's trigger / search / create shapes: a deliberately small subset of Zapier's schema
 * (zapier-platform-schema validates the whole definition in test/definition.test.ts).
 */
export interface TriggerDef {
  key: string;
  noun: string;
  display: Display;
  operation: {
    type: 'polling';
    perform: Perform<Flat[]>;
    inputFields?: InputField[];
    outputFields?: OutputField[];
    sample?: Flat;
    canPaginate?: boolean;
  };
}

/** A search: returns zero or more items; Zapier uses the first. */
export interface SearchDef {
  key: string;
  noun: string;
  display: Display;
  operation: { perform: Perform<Flat[]>; inputFields: InputField[]; outputFields: OutputField[]; sample: Flat };
}

/** A create: returns exactly one item. */
export interface CreateDef {
  key: string;
  noun: string;
  display: Display;
  operation: { perform: Perform<Flat>; inputFields: InputField[]; outputFields: OutputField[]; sample: Flat };
}
