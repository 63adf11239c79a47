export { EmbeddedMongoServer } from './server';
export type { EmbeddedMongoOptions, EmbeddedMongoLogger } from './server';
export { EmbeddedMongoChild } from './child';
export type { EmbeddedMongoChildOptions } from './child';
