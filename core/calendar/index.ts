export * from './official';
export * from './working-days';
export * from './store';
export { localParts, zonedToUtc, type LocalParts } from './zone';
