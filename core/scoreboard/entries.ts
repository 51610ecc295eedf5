import { Repository, type EntitySpec } from '../store/repository';
import { oneOf, optionalNumber, optionalText, requiredDate, requiredText } from '../util/validate';
import { ValidationError } from '../util/errors';
import { INDICATORS } from './indicators';
import './schema';

export interface IndicatorEntryInput {
	indicator: string;
	onDate: string;
	value: number | string;
	source: string;
	note?: string | null;
}

export interface IndicatorEntry {
	id: string;
	indicator: string;
	onDate: string;
	value: number;
	source: string;
	note: string | null;
	createdAt: string;
	updatedAt: string;
}

const KEYS = INDICATORS.map((i) => i.key);
export const MAX_ENTRY_VALUE = 1e12;

const spec: EntitySpec<IndicatorEntryInput, IndicatorEntry> = {
	table: 'indicator_entry',
	entityType: 'indicator_entry',
	idPrefix: 'ind',
	async toColumns(input) {
		// A count of person-times, courses or a percentage never nears this bound, and a period's sum
		// of entries stays a finite number.
		const value = optionalNumber(input.value, 'value', '数值 Value', {
			min: 0,
			max: MAX_ENTRY_VALUE,
		});
		if (value === null)
			throw new ValidationError('数值为必填项 / Value is required', 'value', 'required');
		return {
			indicator: oneOf(input.indicator, 'indicator', '指标 Indicator', KEYS),
			on_date: requiredDate(input.onDate, 'onDate', '日期 Date'),
			value,
			source: requiredText(input.source, 'source', '数据来源 Source', 500),
			note: optionalText(input.note, 'note', '备注 Note', 2000),
		};
	},
	fromRow(row) {
		return {
			id: row.id,
			indicator: row.indicator,
			onDate: row.on_date,
			value: Number(row.value),
			source: row.source,
			note: row.note,
			createdAt: row.created_at,
			updatedAt: row.updated_at,
		};
	},
	naturalKey: () => null,
	filters: { indicator: 'indicator', onDate: 'on_date' },
};

/** Figures staff record, with their source, for indicators the records cannot derive. */
export const indicatorEntries = new Repository(spec);
