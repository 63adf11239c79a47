export { EmbeddedMongoServer } from './server';
export type { EmbeddedMongoOptions, EmbeddedMongoLogger } from './server';
export { secureDataDir } from './storage/secure-data-dir';
export { EmbeddedMongoChild } from './child';
export type { EmbeddedMongoChildOptions } from './child';
