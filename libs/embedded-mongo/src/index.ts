export { EmbeddedMongoServer } from './server';
export type { EmbeddedMongoOptions, EmbeddedMongoLogger } from './server';
