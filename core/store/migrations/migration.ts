import type { Transaction } from 'kysely';
import type { Dialect } from '../types';

// The shape every migration has, apart from migrate.ts, which imports the migrations: a
// migration that imported it back would close an import cycle.

export interface MigrationContext {
	dialect: Dialect;
	/** Column type for an autoincrementing integer key (`seq`) on this dialect. */
	autoIncrement: 'integer' | 'bigserial';
	/** Floating point column type on this dialect. */
	float: 'real' | 'double precision';
}

export interface Migration {
	/** Sorted by name; `NNNN_module_what`. Applied names are recorded and never re-run. */
	name: string;
	up(db: Transaction<any>, ctx: MigrationContext): Promise<void>;
}
