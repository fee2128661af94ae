import type { URI } from 'langium';
import { UriUtils } from 'langium';

/** How many packs a `dựa trên` chain may hold before the loader stops following it. */
export const MAX_BASE_DEPTH = 16;

/**
 * Where `dựa trên` may lead: only to `.ntm` files under a root — the editor's workspace folders, or for the
 * CLI the nearest folder above the pack that holds the repository (`.git`) or a `package.json`. A pack can then never make a tool read `/etc/passwd` or `/dev/zero`.
 * Without roots (a page in a browser, a test of one text) only the `.ntm` rule applies.
 */
export class PackRoots {
    private roots: readonly URI[] | undefined;
    /** Bases the loader refused to read, with why: the validator reports the reason, not «không tìm thấy». */
    private readonly refused = new Map<string, string>();

    setRoots(roots: readonly URI[] | undefined): void {
        this.roots = roots && roots.length > 0 ? roots : undefined;
    }

    /** Why a base may not be read, or undefined when it may. */
    check(uri: URI, roots: readonly URI[] | undefined = this.roots): string | undefined {
        if (!/\.ntm$/iu.test(uri.path)) {
            return `«dựa trên» phải trỏ tới một tệp bộ tiêu chí .ntm, không phải «${UriUtils.basename(uri)}».`;
        }
        if (roots && !roots.some(root => isUnder(uri, root))) {
            return (
                `Bộ gốc «${uri.path}» nằm ngoài thư mục gốc (${roots.map(r => r.path).join(', ')}): chỉ dựa trên được các bộ trong thư mục của dự án. ` +
                'Chép bộ gốc (cùng các bộ nó dựa trên) vào thư mục dự án, hoặc đặt cả hai bộ trong một thư mục có tệp package.json hay thư mục .git.'
            );
        }
        return undefined;
    }

    record(uri: URI, reason: string): void {
        this.refused.set(uri.toString(), reason);
    }

    forget(uri: URI): void {
        this.refused.delete(uri.toString());
    }

    /** The reason recorded by the loader, or the one the roots give now. */
    refusalOf(uri: URI): string | undefined {
        return this.refused.get(uri.toString()) ?? this.check(uri);
    }
}

function isUnder(uri: URI, root: URI): boolean {
    if (uri.scheme !== root.scheme) return false;
    const folder = root.path.endsWith('/') ? root.path : root.path + '/';
    return uri.path.startsWith(folder);
}
