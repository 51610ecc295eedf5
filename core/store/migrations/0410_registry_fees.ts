import type { Migration } from './migration';

/**
 * What real ledgers need (issue #17): divisionals and PCT entries with earlier filing dates,
 * 已缴至第 N 年, 费减 with its years, term compensation, restoration of rights.
 */
export const registryFees: Migration = {
	name: '0410_registry_fees',
	async up(db, ctx) {
		const columns: Array<[string, 'text' | 'integer' | typeof ctx.float, boolean]> = [
			['parent_application_no', 'text', false],
			['pct_filing_date', 'text', false],
			['paid_through_year', 'integer', false],
			['paid_through_assumed', 'integer', true],
			['fee_reduction_rate', ctx.float, false],
			['fee_reduction_years', 'integer', false],
			['term_extension_days', 'integer', true],
			['restored_on', 'text', false],
		];
		// One column per statement: SQLite's ALTER TABLE adds a single column at a time.
		for (const [name, type, zeroDefault] of columns) {
			await db.schema
				.alterTable('registry_patent')
				.addColumn(name, type, (c) => (zeroDefault ? c.notNull().defaultTo(0) : c))
				.execute();
		}
	},
};
