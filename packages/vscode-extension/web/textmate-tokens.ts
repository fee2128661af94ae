// Colours .ntm in Monaco with the extension's own TextMate grammar (syntaxes/ntm.tmLanguage.json), through
// vscode-textmate and Oniguruma as VS Code does, so the page highlights exactly like the extension.
import type * as monaco from 'monaco-editor/esm/vs/editor/editor.api.js';
import * as oniguruma from 'vscode-oniguruma';
import type { StateStack } from 'vscode-textmate';
import { INITIAL, parseRawGrammar, Registry } from 'vscode-textmate';

class GrammarState implements monaco.languages.IState {
    constructor(readonly stack: StateStack) {}
    clone(): GrammarState {
        return new GrammarState(this.stack);
    }
    equals(other: monaco.languages.IState): boolean {
        return other instanceof GrammarState && other.stack.equals(this.stack);
    }
}

/** Monaco theme token types for the grammar's scopes. */
function tokenType(scope: string): string {
    if (scope.startsWith('comment')) return 'comment';
    if (scope.startsWith('string')) return 'string';
    if (scope.startsWith('keyword.operator.logical')) return 'keyword';
    if (scope.startsWith('keyword.operator')) return 'operator';
    if (scope.startsWith('keyword')) return 'keyword';
    if (scope.startsWith('constant.numeric')) return 'number';
    if (scope.startsWith('constant.other')) return 'type';
    return '';
}

export async function textMateTokens(grammarUrl: string, wasmUrl: string): Promise<monaco.languages.TokensProvider> {
    await oniguruma.loadWASM(await (await fetch(wasmUrl)).arrayBuffer());
    const registry = new Registry({
        onigLib: Promise.resolve({
            createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
            createOnigString: (text: string) => new oniguruma.OnigString(text)
        }),
        loadGrammar: async () => parseRawGrammar(await (await fetch(grammarUrl)).text(), 'ntm.tmLanguage.json')
    });
    const grammar = await registry.loadGrammar('source.ntm');
    if (!grammar) throw new Error('TextMate grammar source.ntm not found');
    return {
        getInitialState: () => new GrammarState(INITIAL),
        tokenize: (line, state) => {
            const result = grammar.tokenizeLine(line, (state as GrammarState).stack);
            return {
                tokens: result.tokens.map(t => ({ startIndex: t.startIndex, scopes: tokenType(t.scopes.at(-1) ?? '') })),
                endState: new GrammarState(result.ruleStack)
            };
        }
    };
}
