// The contracts lib's DTO classes use class-transformer decorators, which need the Reflect metadata API when
// Jest evaluates the whole lib; the production bundle drops those modules (the lib is marked side-effect free).
import 'reflect-metadata';
import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';

setupZonelessTestEnv({
  errorOnUnknownElements: true,
  errorOnUnknownProperties: true,
});
