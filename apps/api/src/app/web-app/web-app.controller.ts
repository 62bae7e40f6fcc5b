import { createReadStream, existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import {
  Controller,
  Get,
  Header,
  NotFoundException,
  Param,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { workspaceRoot } from '@securities/database';

/** Where `nx run web:build` writes the web app. */
export const WEB_APP_DIR = join(workspaceRoot, 'dist/apps/web');

/** The paths this controller answers, outside the API's /api prefix. */
export const WEB_APP_ROUTES = ['/', 'assets/:file'];

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

// Vite names assets by their content hash: one folder level, no path separators.
const ASSET_NAME = /^[A-Za-z0-9_.-]+$/;

/** What Express's response and Fastify's reply both offer, so this works on either. */
interface HeaderSetter {
  header(name: string, value: string): unknown;
}

function send(path: string): StreamableFile {
  const type = CONTENT_TYPES[extname(path)];
  if (!type || !existsSync(path)) {
    throw new NotFoundException(
      existsSync(WEB_APP_DIR)
        ? `No such file in the web app: ${path.slice(WEB_APP_DIR.length + 1)}`
        : 'The web app is not built: run `npx nx run web:build` (npm start does it)',
    );
  }
  return new StreamableFile(createReadStream(path), { type });
}

/**
 * Serves the built web app (apps/web) at `/`: its page, and its assets under /assets. A Nest
 * controller rather than a server's static middleware, so it works the same on any HTTP platform.
 */
@ApiExcludeController()
@Controller()
export class WebAppController {
  @Get()
  @Header('Cache-Control', 'no-cache')
  index(): StreamableFile {
    return send(join(WEB_APP_DIR, 'index.html'));
  }

  @Get('assets/:file')
  // Content-hashed names: a changed file is a new name, so a browser may keep these for good.
  @Header('Cache-Control', 'public, max-age=31536000, immutable')
  asset(
    @Param('file') file: string,
    @Res({ passthrough: true }) reply: HeaderSetter,
  ): StreamableFile {
    if (!ASSET_NAME.test(file)) throw new NotFoundException(`No such asset: ${file}`);
    const body = send(join(WEB_APP_DIR, 'assets', file));
    // The name holds the content's hash, so it is a strong validator of its own.
    reply.header('ETag', `"${file}"`);
    return body;
  }
}
