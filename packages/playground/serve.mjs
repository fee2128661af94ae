// A tiny static server for the built playground (workers and ES modules need http://, not file://):
// `node packages/playground/serve.mjs [folder] [--port 8080]`, bound to 127.0.0.1.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const MIME = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.json': 'application/json',
    '.ttf': 'font/ttf',
    '.woff': 'font/woff',
    '.woff2': 'font/woff2',
    '.wasm': 'application/wasm',
    '.png': 'image/png'
};

/** Serves `folder` on 127.0.0.1 (port 0: any free one); resolves with the server once listening. */
export function servePlayground(folder, port = 0) {
    const root = path.resolve(folder);
    const server = createServer((request, response) => {
        const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
        const file = path.join(root, path.normalize(pathname === '/' ? '/index.html' : pathname));
        if (!file.startsWith(root + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
            response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Không có tệp này.');
            return;
        }
        response
            .writeHead(200, { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' })
            .end(readFileSync(file));
    });
    return new Promise(resolve => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    const args = process.argv.slice(2);
    const portAt = args.indexOf('--port');
    const port = portAt >= 0 ? Number(args[portAt + 1]) : 8080;
    const folder =
        args.find((arg, i) => !arg.startsWith('--') && i !== portAt + 1) ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/playground');
    if (!existsSync(path.join(folder, 'index.html'))) {
        console.error(`Chưa có trang thử trong ${folder}: chạy «npm run playground» trước.`);
        process.exit(1);
    }
    const server = await servePlayground(folder, port);
    console.log(`Trang thử bộ tiêu chí: http://127.0.0.1:${server.address().port}/ (Ctrl+C để dừng)`);
}
