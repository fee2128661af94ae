// Synthetic inputs for the benchmarks: a seeded PRNG, random but valid commune facts for any pack
// (driven by its FACT_SPECS and the thresholds written in it), and .ntm packs of any size.

/** mulberry32: small, fast, and the same sequence on every machine for a given seed. */
export function prng(seed) {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

const round = (x, decimals) => Math.round(x * 10 ** decimals) / 10 ** decimals;

/**
 * A generator of valid facts for one pack. `hints` comes from the pack's AST (see baselines.js):
 * the literal thresholds each fact is compared with, and the numerator/denominator pairs of its ratios,
 * so that values fall on both sides of every threshold and numerators never exceed their denominators.
 */
export function factGenerator(specs, hints, seed) {
    const random = prng(seed);
    const uniform = (lo, hi) => lo + (hi - lo) * random();
    const numeratorOf = new Map(hints.ratios.map(r => [r.numerator, r.denominator]));
    const inputs = specs.filter(spec => !spec.derived);

    function number(spec) {
        const thresholds = hints.thresholds.get(spec.name) ?? [];
        const integer = spec.kind === 'count' || spec.kind === 'year';
        if (spec.kind === 'year') return 2015 + Math.floor(uniform(0, 10));
        if (thresholds.length > 0) {
            const t = thresholds[Math.floor(random() * thresholds.length)];
            const value = t === 0 ? uniform(0, 3) : t * uniform(0.85, 1.15);
            const clamped = spec.kind === 'percent' ? Math.min(100, value) : value;
            // One value in ten sits exactly on a threshold: that is where exact comparison matters.
            if (random() < 0.1) return t;
            return integer ? Math.round(clamped) : round(clamped, spec.kind === 'percent' ? 1 : 2);
        }
        if (spec.kind === 'percent') return random() < 0.3 ? 100 : round(uniform(70, 100), 1);
        if (integer) return Math.floor(uniform(200, 5000));
        return round(uniform(1, 200), 2);
    }

    function scalar(spec) {
        switch (spec.kind) {
            case 'boolean':
                return random() < 0.85;
            case 'level': {
                const levels = spec.levels ?? [];
                return levels[Math.min(levels.length - 1, Math.floor(uniform(levels.length / 2, levels.length)))];
            }
            case 'date':
                return `20${20 + Math.floor(uniform(0, 5))}-0${1 + Math.floor(uniform(0, 9))}-1${Math.floor(uniform(0, 9))}`;
            default:
                return number(spec);
        }
    }

    return function next() {
        const facts = {};
        for (const spec of inputs) {
            if (numeratorOf.has(spec.name)) continue;
            facts[spec.name] = spec.members ? Object.fromEntries(spec.members.map(member => [member, scalar(spec)])) : scalar(spec);
        }
        // Ratio numerators are drawn after their denominators: a share of 90–100 %, sometimes exactly
        // a threshold (57/100 is 57 % exactly, but 57 / 100 * 100 is 56.99999999999999 in floating point).
        for (const [numerator, denominator] of numeratorOf) {
            const den = typeof facts[denominator] === 'number' ? facts[denominator] : 0;
            const thresholds = hints.thresholds.get(`tỷ số ${numerator} / ${denominator}`) ?? [];
            let share = random() < 0.3 ? 1 : uniform(0.9, 1);
            if (thresholds.length > 0) {
                const t = thresholds[Math.floor(random() * thresholds.length)] / 100;
                share = random() < 0.4 ? t : Math.min(1, t * uniform(0.85, 1.15));
            }
            const spec = inputs.find(s => s.name === numerator);
            const integer = spec?.kind === 'count' || spec?.kind === 'year';
            facts[numerator] = Math.min(den, integer ? Math.round(den * share) : round(den * share, 2));
        }
        return facts;
    };
}

/**
 * A synthetic pack of `blocks` criteria with 10 indicators each, mixing every rule form of the language:
 * thresholds on percents, exact 100 % ratios, levels, breakdowns, ranges, presence, money, derived
 * percentages, inline ratios, "ít nhất N trong" and "hoặc". Facts are per block, so the pack grows linearly.
 */
export function syntheticPack(blocks) {
    const lines = [
        `bộ tiêu chí thử_tổng_hợp "Bộ tiêu chí tổng hợp ${blocks * 10} chỉ tiêu"`,
        '  cấp xã nông thôn mới nâng cao',
        '  địa bàn "tỉnh Hà Nam"',
        '  phiên bản "bench"',
        '  căn cứ 43/2022/QĐ-UBND ngày 16/09/2022 của "UBND tỉnh Hà Nam" "Bộ tiêu chí xã NTM nâng cao"',
        '  hiệu lực từ 16/09/2022 đến 31/12/2025',
        '',
        'thang phổ cập: chưa đạt < mức độ 1 < mức độ 2 < mức độ 3',
        'phân tổ giới tính: nam, nữ',
        ''
    ];
    for (let b = 1; b <= blocks; b++) {
        const s = ` khối ${b}`;
        lines.push(
            `dữ kiện rác thải${s}: phần trăm "Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý"`,
            `dữ kiện hộ dùng điện${s}: đếm hộ "Số hộ sử dụng điện thường xuyên, an toàn"`,
            `dữ kiện tổng số hộ${s}: đếm hộ`,
            `dữ kiện hộ nghèo${s}: đếm hộ`,
            `dữ kiện tỷ lệ điện${s} = tỷ số hộ dùng điện${s} / tổng số hộ${s}`,
            `dữ kiện mức phổ cập${s}: mức theo phổ cập`,
            `dữ kiện lao động qua đào tạo${s}: phần trăm, phân theo giới tính`,
            `dữ kiện trụ sở riêng${s}: có/không`,
            `dữ kiện nước sinh hoạt${s}: số lít/người/ngày`,
            `dữ kiện thu nhập${s}: tiền triệu đồng/người/năm`,
            `dữ kiện đường trục xã${s}: số km`,
            `dữ kiện đường cứng hóa${s}: số km`,
            `dữ kiện tỷ lệ đường cứng hóa${s} = đường cứng hóa${s} / đường trục xã${s}`,
            '',
            `tiêu chí ${b} "Tiêu chí tổng hợp ${b}"`,
            '  căn cứ 43/2022/QĐ-UBND "Phụ lục"',
            `  chỉ tiêu ${b}.1 "Tỷ lệ chất thải rắn sinh hoạt được thu gom ≥98%" rác thải${s} >= 98%`,
            `  chỉ tiêu ${b}.2 "100% số hộ sử dụng điện thường xuyên, an toàn" tỷ lệ điện${s} = 100%`,
            `  chỉ tiêu ${b}.3 "Đạt chuẩn phổ cập mức độ 3" mức phổ cập${s} từ mức độ 3 trở lên`,
            `  chỉ tiêu ${b}.4 "Lao động qua đào tạo ≥85%, cả nam và nữ" lao động qua đào tạo${s} >= 85% cho cả nam và nữ`,
            `  chỉ tiêu ${b}.5 "Có trụ sở riêng; nước 80-110 lít" có trụ sở riêng${s} và nước sinh hoạt${s} từ 80 đến 110 lít/người/ngày`,
            `  chỉ tiêu ${b}.6 "Thu nhập bình quân đầu người >72 triệu đồng" thu nhập${s} > 72 triệu đồng/người/năm`,
            `  chỉ tiêu ${b}.7 "Đường trục xã được cứng hóa ≥70%" tỷ lệ đường cứng hóa${s} >= 70%`,
            `  chỉ tiêu ${b}.8 "Tỷ lệ hộ nghèo ≤2%" tỷ số hộ nghèo${s} / tổng số hộ${s} <= 2%`,
            `  chỉ tiêu ${b}.9 "Đạt ít nhất 2 trong 3 yêu cầu" ít nhất 2 trong { rác thải${s} >= 95%; nước sinh hoạt${s} > 60 lít/người/ngày; có trụ sở riêng${s} }`,
            `  chỉ tiêu ${b}.10 "Thu nhập ≥60 triệu đồng hoặc điện ≥99%" thu nhập${s} >= 60 triệu đồng/người/năm hoặc tỷ lệ điện${s} >= 99%`,
            ''
        );
    }
    return lines.join('\n');
}

/**
 * Communes as commune files give them, not only complete ones: on top of `factGenerator`'s values, numerators
 * of breakdown rates drawn per member, and a seeded mix of missing facts, ranges («trên 90 %», «từ … đến …»),
 * values with their unit (`{ "giá trị", "đơn vị" }`) and rates the report states itself (a derived fact given
 * beside, or instead of, its parts). `mix` gives each probability per fact; all zero gives complete, plain communes.
 */
export function communeGenerator(specs, hints, seed, mix = { missing: 0.03, range: 0.003, unit: 0.05, stated: 0.005 }) {
    const plain = factGenerator(specs, hints, seed);
    const random = prng(seed ^ 0x5bd1e995);
    const bySpec = new Map(specs.map(spec => [spec.name, spec]));
    const numeratorOf = new Map(hints.ratios.map(r => [r.numerator, r.denominator]));
    const numeric = spec => spec && !['boolean', 'level', 'date'].includes(spec.kind);
    return function next() {
        const facts = plain();
        // Breakdown rates: each member's numerator within its own denominator.
        for (const [numerator, denominator] of numeratorOf) {
            const spec = bySpec.get(numerator);
            const den = facts[denominator];
            if (spec?.members && den && typeof den === 'object') {
                facts[numerator] = Object.fromEntries(
                    spec.members.map(m => {
                        const whole = typeof den[m] === 'number' ? den[m] : 0;
                        const share = random() < 0.3 ? 1 : 0.8 + 0.2 * random();
                        return [m, spec.kind === 'count' ? Math.round(whole * share) : Math.round(whole * share * 100) / 100];
                    })
                );
            }
        }
        for (const [name, value] of Object.entries(facts)) {
            const spec = bySpec.get(name);
            const r = random();
            if (r < mix.missing) {
                delete facts[name];
            } else if (r < mix.missing + mix.range && numeric(spec) && typeof value === 'number' && !numeratorOf.has(name)) {
                const step = spec.kind === 'count' ? 2 : 0.5;
                const around = x => Math.round(Math.max(0, x) * 100) / 100;
                facts[name] = random() < 0.5 ? { trên: value } : { từ: around(value - step), đến: around(value + step) };
            } else if (r < mix.missing + mix.range + mix.unit && numeric(spec) && typeof value === 'number') {
                facts[name] = { 'giá trị': value, 'đơn vị': spec.unit };
            }
        }
        for (const spec of specs) {
            if (spec.derived && spec.kind === 'percent' && !spec.members && random() < mix.stated) {
                facts[spec.name] = [100, 98.5, 95, 90, 80, 70][Math.floor(random() * 6)];
            }
        }
        return facts;
    };
}
