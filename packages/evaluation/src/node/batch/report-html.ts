import type { ReportPage, VerdictView } from '../../batch/report-model.js';
import { COVER, DOCUMENT_END, DOCUMENT_START, PAGE } from './report-template.js';

/** A line of the combined report's cover: a commune evaluated, or one that could not be. */
export type CoverRow =
    | { readonly n: number; readonly id: string; readonly name: string; readonly verdict: VerdictView; readonly summary: string }
    | { readonly n: number; readonly name: string; readonly reason: string };

export interface ReportRenderer {
    start(title: string): string;
    cover(title: string, subtitle: string, rows: readonly CoverRow[]): string;
    page(page: ReportPage): string;
    end(): string;
}

type Template = (context: unknown) => string;

/**
 * The report's HTML pieces through Handlebars (loaded only when a report is written): `{{…}}` escapes
 * every text, so a commune named `<script>` prints as text.
 */
export async function reportRenderer(): Promise<ReportRenderer> {
    const Handlebars = (await import('handlebars')).default;
    const engine = Handlebars.create();
    const compile = (source: string): Template => engine.compile(source, { noEscape: false }) as Template;
    const start = compile(DOCUMENT_START);
    const cover = compile(COVER);
    const page = compile(PAGE);
    return {
        start: title => start({ title }),
        cover: (title, subtitle, rows) =>
            // One list in the batch's order: a commune that could not be evaluated keeps its place and number.
            cover({ title, subtitle, rows }),
        page: model => page(model),
        end: () => DOCUMENT_END
    };
}
