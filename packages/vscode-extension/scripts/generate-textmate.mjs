// Writes syntaxes/ntm.tmLanguage.json from the built @ntm/language grammar (run by `npm run bundle`).
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { AstUtils, GrammarAST, GrammarUtils } from 'langium';
import { createNtmCoreServices, languageKeywords } from '@ntm/language';
import { buildTextMateGrammar } from './textmate-grammar.mjs';

const grammar = createNtmCoreServices().Ntm.Grammar;
// Phrase keywords ("chỉ tiêu") are terminals of the grammar (phrases.langium); languageKeywords includes them.
const keywords = languageKeywords(grammar);
// Keywords that the grammar also accepts as words of a name (rule `Word`).
const wordRule = grammar.rules.find(rule => rule.name === 'Word');
const softKeywords = wordRule
    ? AstUtils.streamAllContents(wordRule)
          .filter(GrammarAST.isKeyword)
          .map(k => k.value)
          .toArray()
    : [];
const terminals = Object.fromEntries(grammar.rules.filter(GrammarAST.isTerminalRule).map(rule => [rule.name, GrammarUtils.terminalRegex(rule).source]));

const outDir = new URL('../syntaxes/', import.meta.url);
await mkdir(outDir, { recursive: true });
// Written whole, then renamed, so a reader never sees half a file.
const target = new URL('ntm.tmLanguage.json', outDir);
const temporary = new URL(`ntm.tmLanguage.json.${process.pid}.tmp`, outDir);
await writeFile(temporary, JSON.stringify(buildTextMateGrammar({ keywords, softKeywords, terminals }), null, 2) + '\n');
await rename(temporary, target);
