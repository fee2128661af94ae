import type { FileSystemNode, FileSystemProvider } from 'langium';
import { URI } from 'langium';

/**
 * Langium's file system over files held in memory (the bundled packs): what the language server and the
 * compiler read when a pack builds on another (`dựa trên`) and when the workspace is loaded at startup.
 */
export class MemoryFileSystem implements FileSystemProvider {
    private readonly files = new Map<string, string>();
    private readonly folders = new Set<string>();

    constructor(files: Iterable<readonly [uri: string, text: string]>) {
        for (const [uri, text] of files) {
            const parsed = URI.parse(uri);
            this.files.set(parsed.toString(), text);
            const parts = parsed.path.split('/');
            for (let i = 1; i < parts.length; i++) this.folders.add(parsed.with({ path: parts.slice(0, i).join('/') || '/' }).toString());
        }
    }

    private node(uri: URI): FileSystemNode {
        const key = uri.toString();
        if (this.files.has(key)) return { uri, isFile: true, isDirectory: false };
        if (this.folders.has(key.replace(/\/$/u, '')) || this.folders.has(key)) return { uri, isFile: false, isDirectory: true };
        throw new Error(`ENOENT: ${key}`);
    }

    async stat(uri: URI): Promise<FileSystemNode> {
        return this.node(uri);
    }

    statSync(uri: URI): FileSystemNode {
        return this.node(uri);
    }

    async exists(uri: URI): Promise<boolean> {
        return this.existsSync(uri);
    }

    existsSync(uri: URI): boolean {
        try {
            this.node(uri);
            return true;
        } catch {
            return false;
        }
    }

    async readBinary(uri: URI): Promise<Uint8Array> {
        return this.readBinarySync(uri);
    }

    readBinarySync(uri: URI): Uint8Array {
        return new TextEncoder().encode(this.readFileSync(uri));
    }

    async readFile(uri: URI): Promise<string> {
        return this.readFileSync(uri);
    }

    readFileSync(uri: URI): string {
        const text = this.files.get(uri.toString());
        if (text === undefined) throw new Error(`ENOENT: ${uri.toString()}`);
        return text;
    }

    async readDirectory(uri: URI): Promise<FileSystemNode[]> {
        return this.readDirectorySync(uri);
    }

    readDirectorySync(uri: URI): FileSystemNode[] {
        const base = uri.toString().replace(/\/$/u, '');
        const children = new Set<string>();
        for (const key of [...this.files.keys(), ...this.folders]) {
            if (!key.startsWith(base + '/')) continue;
            const name = key.slice(base.length + 1).split('/')[0];
            if (name) children.add(`${base}/${name}`);
        }
        return [...children].map(child => this.node(URI.parse(child)));
    }
}
