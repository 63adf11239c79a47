export { EmbeddedMongoServer } from './server';
export type { EmbeddedMongoOptions, EmbeddedMongoLogger } from './server';
export { secureDataDir } from './storage/secure-data-dir';
