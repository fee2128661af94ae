// Names in generated code come from what the analyst wrote: the function for indicator 2.1 is
// `indicator_2_1`, the derived fact «tỷ lệ hộ nghèo» is computed by `derived_ty_le_ho_nghieo`. So a name
// stays the same when another indicator is inserted, and a reader finds an indicator by its label.

/** An ASCII identifier part: «tỷ lệ nước sạch» → `ty_le_nuoc_sach`, «2.1» → `2_1`, «5.b1» → `5_b1`. */
export function identifierPart(text: string): string {
    const ascii = text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
    return (
        ascii
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, '_')
            .replace(/^_+|_+$/g, '') || 'x'
    );
}

/**
 * The names of one module. Two texts that fold to the same identifier (`hộ nghèo`, `hồ nghèo`) get `_2`,
 * `_3`… in the order the generator meets them, which is the order of the pack's text: deterministic, and
 * only names that really clash are numbered.
 */
export class Identifiers {
    private readonly taken = new Set<string>();
    private readonly given = new Map<unknown, string>();

    /** The name for `owner` (a fact, a table, an indicator version…): `prefix_part`, the same on every call. */
    name(owner: unknown, prefix: string, text: string): string {
        const known = this.given.get(owner);
        if (known !== undefined) return known;
        const base = `${prefix}_${identifierPart(text)}`;
        let name = base;
        for (let n = 2; this.taken.has(name.toLowerCase()); n++) name = `${base}_${n}`;
        // Case-insensitive, so that `indicator_2_1` and its metadata `INDICATOR_2_1` always pair up.
        this.taken.add(name.toLowerCase());
        this.given.set(owner, name);
        return name;
    }
}
