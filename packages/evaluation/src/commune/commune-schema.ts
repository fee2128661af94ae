// The schema of a commune file lives in @ntm/runtime (commune/commune-schema.ts), beside its checker.
export { COMMUNE_SCHEMA } from '@ntm/runtime';
