/**
 * The light entry point for a host that runs the server in its own process (`EmbeddedMongoChild`): it loads
 * neither the engine nor its dependencies, so the host starts faster and keeps them off its heap.
 */
export { EmbeddedMongoChild } from './child';
export type { EmbeddedMongoChildOptions } from './child';
export { secureDataDir } from './storage/secure-data-dir';
