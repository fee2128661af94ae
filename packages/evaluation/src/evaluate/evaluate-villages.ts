// Villages counted by the commune are evaluated by the runtime's `evaluateCommuneData`
// (commune/evaluate-villages.ts there), what a generated module's `evaluateCommune` runs too.
export { countedVillagePacks } from '@ntm/runtime';
