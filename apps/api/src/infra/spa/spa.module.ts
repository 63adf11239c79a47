import { Module } from '@nestjs/common';
import { ServeStaticModule, type ServeStaticModuleOptions } from '@nestjs/serve-static';
import { existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { AppConfigService } from '../../config/app-config.service';

/** Angular's hashed output names, e.g. `main-AB12CD34.js`, `chunk-XYZ98765.js`, `styles-QWERTY12.css`. */
const HASHED_ASSET = /-[A-Z0-9]{8}\.(js|css|mjs)$/;

function cacheHeaders(res: ServerResponse, path: string): void {
  res.setHeader('Cache-Control', HASHED_ASSET.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
}

/**
 * Serves the built SPA on the API's port when it has been built: HTML5 fallback to index.html for any
 * non-/api GET that is not a file; hashed assets cached for a year, index.html always revalidated.
 */
@Module({
  imports: [
    ServeStaticModule.forRootAsync({
      inject: [AppConfigService],
      useFactory: (config: AppConfigService): ServeStaticModuleOptions[] =>
        existsSync(join(config.webDist, 'index.html'))
          ? [
              {
                rootPath: config.webDist,
                exclude: ['/api/{*path}'],
                serveStaticOptions: { setHeaders: cacheHeaders, index: false },
              },
            ]
          : [],
    }),
  ],
})
export class SpaModule {}
