export * from './schema';
export * from './position';
export * from './audit-feed';
export * from './kinds';
export * from './timed';
export * from './poll';
export * from './sources';
