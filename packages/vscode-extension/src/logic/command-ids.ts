/** Command ids contributed in package.json; the manifest test checks both lists agree. */
export const COMMANDS = {
    runPackSamples: 'ntm.chayKiemThu',
    evaluateCommune: 'ntm.danhGia',
    showOutput: 'ntm.hienKetQua'
} as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];
