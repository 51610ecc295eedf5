export * from './types';
export * from './schema';
export * from './store';
export * from './audit';
export * from './transition';
export * from './paginate';
export * from "./repository";
export { migrate, allMigrations, type Migration, type MigrationContext } from './migrate';
export * from "./settings";
