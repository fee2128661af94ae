// The commune file's content and its codes live in @ntm/runtime (commune/commune-file.ts): the one reader
// of commune files serves generated modules as well as the tools.
export type { CommuneData, DiscrepancyCause, KnownDiscrepancy, OfficialResults, OfficialVerdict, VillageOfficialResults } from '@ntm/runtime';
export { DISCREPANCY_CAUSE_LABELS, NOT_ASSESSED, OFFICIAL_VERDICTS, VERDICTS, discrepancyCauseOf } from '@ntm/runtime';
