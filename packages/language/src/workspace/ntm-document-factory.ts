import type { AstNode, LangiumDocument, ParseResult, URI } from 'langium';
import { DefaultLangiumDocumentFactory } from 'langium';
import type { Cancellation } from 'langium';

type CancellationToken = Cancellation.CancellationToken;
import { reparseMember } from '../parser/member-reparse.js';

/**
 * Documents are parsed again after a change, as Langium does, except that an edit inside one member of a
 * pack that parsed cleanly re-parses that member only (parser/member-reparse.ts): in an editor, most
 * keystrokes. Any other change parses the whole text.
 */
export class NtmDocumentFactory extends DefaultLangiumDocumentFactory {
    /** The parse result a document had when its update began, by URI, while `update` runs. */
    private readonly previous = new Map<string, ParseResult<AstNode>>();
    /** How the last parse was made: tests check that edits take the short path. */
    lastParse: 'member' | 'whole' | undefined;

    override async update<T extends AstNode = AstNode>(document: LangiumDocument<T>, cancellationToken: CancellationToken): Promise<LangiumDocument<T>> {
        const key = document.uri.toString();
        this.previous.set(key, document.parseResult);
        try {
            return await super.update(document, cancellationToken);
        } finally {
            this.previous.delete(key);
        }
    }

    override parseAsync<T extends AstNode>(uri: URI, text: string, cancellationToken: CancellationToken): Promise<ParseResult<T>> {
        const previous = this.previous.get(uri.toString());
        if (previous && NtmDocumentFactory.incremental) {
            const reparsed = reparseMember(this.serviceRegistry.getServices(uri).parser.LangiumParser, previous, text);
            if (reparsed) {
                this.lastParse = 'member';
                return Promise.resolve(reparsed as ParseResult<T>);
            }
        }
        this.lastParse = 'whole';
        return super.parseAsync(uri, text, cancellationToken);
    }

    /** Off only in tests and benchmarks that compare with a whole parse. */
    static incremental = true;
}
