import { promises as fs } from 'node:fs';
import { relativeToCwd } from '@ntm/evaluation/node';

/**
 * Why a path given as a file cannot be read as one, in words that name it (a folder read as a file fails in
 * Node with no name at all); undefined when it is a readable file.
 */
export async function notAFile(file: string): Promise<string | undefined> {
    const shown = relativeToCwd(file) || file;
    try {
        const stat = await fs.stat(file);
        if (stat.isDirectory()) return `«${shown}» là một thư mục, không phải một tệp.`;
        return undefined;
    } catch (error) {
        const code = (error as { code?: string }).code ?? 'lỗi';
        return `Không đọc được tệp: «${shown}» (${code}).`;
    }
}
