export * from './lib/auth/role';
export * from './lib/common/api-error';
export * from './lib/common/page';
