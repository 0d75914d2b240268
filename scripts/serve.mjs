// A small static file server for dist/ on 127.0.0.1 with the MIME types wasm and ES modules need
// (wasm must be application/wasm for streaming compilation) and no caching, so a rebuild is always
// what the browser gets. Usage: node scripts/serve.mjs [--root dist] [--port 8000] [--source]
// (--port 0 picks a free port). --source serves the source tree itself (the page at /web/, its
// modules unbundled, the library's wasm builds read from build/): what `npm run serve:source`
// runs while editing the page, with no build step but the wasm modules.
import {createReadStream} from 'node:fs';
import {stat} from 'node:fs/promises';
import {createServer} from 'node:http';
import {extname, join, normalize, resolve, sep} from 'node:path';

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

// The wasm builds sit in build/ in the source tree; the loader looks for them beside itself.
export const SOURCE_ALIASES = Object.fromEntries(['simd128', 'scalar'].flatMap(
    (isa) => ['mjs', 'wasm'].map(
        (ext) => [`/js/relu-lab-${isa}.${ext}`, `build/wasm-${isa}/wasm/relu-lab-${isa}.${ext}`])));

function parseArgs(argv) {
  const args = {root: 'dist', port: 8000, host: '127.0.0.1'};
  for (let i = 0; i < argv.length; i += 2) {
    const [key, value] = [argv[i], argv[i + 1]];
    if (key === '--source') {
      args.root = '.';
      args.aliases = SOURCE_ALIASES;
      i -= 1;
    } else if (key === '--root')
      args.root = value;
    else if (key === '--port')
      args.port = Number(value);
    else if (key === '--host')
      args.host = value;
    else
      throw new Error(`serve: unknown option ${key}`);
  }
  if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) {
    throw new Error('serve: --port must be an integer from 0 to 65535');
  }
  return args;
}

/**
 * Starts the server; resolves to {server, url}. Exported for the browser tests and benches.
 * Tests also pass `headers` (added to every file, e.g. a Content-Security-Policy), `cors` (send
 * Access-Control-Allow-Origin: *, as a CDN does), `pages` (path -> HTML served from memory) and
 * `log` (an array that receives each request's path).
 */
export async function serve({
  root = 'dist',
  port = 0,
  host = '127.0.0.1',
  headers = {},
  cors = false,
  pages = {},
  log,
  aliases = {}
} = {}) {
  const rootDir = resolve(root);
  const extra = {...headers, ...(cors ? {'Access-Control-Allow-Origin': '*'} : {})};
  const server = createServer(async (request, response) => {
    try {
      const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
      if (log) log.push(path);
      if (Object.hasOwn(pages, path)) {
        response.writeHead(
            200, {'Content-Type': MIME_TYPES['.html'], 'Cache-Control': 'no-store', ...extra});
        response.end(pages[path]);
        return;
      }
      let file = Object.hasOwn(aliases, path) ? resolve(rootDir, aliases[path]) :
                                                normalize(join(rootDir, path));
      if (file !== rootDir && !file.startsWith(rootDir + sep)) throw new Error('outside root');
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      await stat(file);
      response.writeHead(200, {
        'Content-Type': MIME_TYPES[extname(file)] || 'application/octet-stream',
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        ...extra,
      });
      createReadStream(file).pipe(response);
    } catch {
      response.writeHead(404, {'Content-Type': 'text/plain; charset=utf-8'});
      response.end('not found\n');
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, ok);
  });
  const url = `http://${host}:${server.address().port}/`;
  return {server, url};
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = parseArgs(process.argv.slice(2));
  let started;
  try {
    started = await serve(args);
  } catch (error) {
    if (error.code !== 'EADDRINUSE') throw error;
    console.log(`serve: port ${args.port} is busy, picking a free one`);
    started = await serve({...args, port: 0});
  }
  const page = args.aliases ? `${started.url}web/` : started.url;
  console.log(`relu-lab is running at ${page}  (serving ${args.root}/; Ctrl+C stops)`);
}
