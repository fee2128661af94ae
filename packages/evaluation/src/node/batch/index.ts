// @ntm/evaluation/batch: many communes from a spreadsheet or commune files, to a workbook and printable
// reports. The spreadsheet, template, progress and PDF libraries are loaded only when a function needs them.
export * from './read-spreadsheet.js';
export * from './write-workbook.js';
export * from './write-input-workbook.js';
export * from './report-html.js';
export * from './chromium.js';
export * from './progress.js';
export * from './batch-inputs.js';
export * from './run-batch.js';
export * from './template.js';
