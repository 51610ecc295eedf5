import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import type { BulkRowResult, Store } from '../../../../core/store';
import { dateInZone } from '../../../../core/util/time';
import { optionalDate } from '../../../../core/util/validate';
import {
	batchSizeProperty,
	recordIdProperty,
	updateOperationDisplayOptions,
} from '../../../shared/descriptions/common';
import { rowToInput, type FieldDef } from '../../../shared/descriptions/fields';
import type { Operation } from '../../../shared/entityOperations';
import { rowReport } from '../../../shared/rowReport';
import { perItemOperation, type ItemContext } from '../../../shared/operation';
import { readBatchSize } from '../../../shared/params';
import { workflowActor } from '../../../shared/run';
import { consortiumFor } from '../../../shared/store';

/** Today's date in the consortium's zone: the day a step takes effect unless one is given. */
export function todayIn(timeZone: string): string {
	return dateInZone(new Date(), timeZone);
}

/** The lifecycle step parameters shared by patents and projects. */
export function transitionProperties(
	idLabel: string,
	statusOptions: INodePropertyOptions[],
	defaultTo: string,
): INodeProperties[] {
	return [
		recordIdProperty(idLabel),
		{
			displayName: '目标状态 To Status',
			name: 'to',
			type: 'options',
			options: statusOptions,
			default: defaultTo,
			required: true,
			description: '不合流程的变更会被拒绝 A step out of order is refused',
		},
		{
			displayName: '日期 Date',
			name: 'on',
			type: 'string',
			default: '',
			placeholder: '2026-09-01',
			description: '生效日期，留空为今天 Empty for today',
		},
		{
			displayName: '原因 Reason',
			name: 'reason',
			type: 'string',
			typeOptions: { rows: 2 },
			default: '',
			description:
				'驳回、撤回、终止等结束状态必填 Required for ends such as rejection, withdrawal, termination',
		},
	];
}

/** What a lifecycle step is asked for: the target status, its date, the reason. */
export interface TransitionChange {
	to: unknown;
	on: unknown;
	reason: unknown;
}

/**
 * The Transition operation of patents and projects: the record, then the step's parameters
 * read per item, handed to `apply` with today in the consortium's zone.
 */
export function transitionOperation(
	resource: string,
	properties: INodeProperties[],
	apply: (
		item: ItemContext,
		id: string,
		change: TransitionChange,
		today: string,
	) => Promise<unknown>,
): Operation {
	return perItemOperation({ resource, operation: 'transition' }, properties, (item) => {
		const { timeZone } = item.consortium.settings;
		const id = item.id();
		const change = {
			to: item.param<unknown>('to'),
			// An instant ({{ $now }}, a trigger's timestamp) is the day it is in the consortium's zone.
			on: optionalDate(item.param<unknown>('on', ''), 'on', '日期 Date', timeZone) ?? '',
			reason: item.param<unknown>('reason', ''),
		};
		return apply(item, id, change, todayIn(timeZone));
	});
}

/**
 * Maps ledger rows onto field keys. Headers colleges actually use beyond the field labels
 * (`专利号`, `专利权人`, `法律状态` …) are renamed first; the shared `rowToInput` then decides
 * each header's key and each option's value once, and the answer is reused for every row —
 * a 50,000-row ledger has a handful of distinct headers and option values.
 */
export function ledgerMapper(
	fields: FieldDef[],
	aliases: Record<string, string>,
): (row: IDataObject) => IDataObject {
	const keyOf = new Map<string, string | null>();
	const optionOf = new Map<string, IDataObject[string]>();
	const byKey = new Map(fields.map((f) => [f.key, f]));
	return (row) => {
		const out: IDataObject = {};
		for (const header of Object.keys(row)) {
			const value = row[header];
			if (value === '' || value === null || value === undefined) continue;
			let key = keyOf.get(header);
			if (key === undefined) {
				key =
					Object.keys(
						rowToInput({ [aliases[header.replace(/\s+/g, '')] ?? header]: '-' }, fields),
					)[0] ?? null;
				keyOf.set(header, key);
			}
			if (!key) continue;
			if (byKey.get(key)!.type === 'options' && typeof value === 'string') {
				const cacheKey = `${key}\u0000${value}`;
				if (!optionOf.has(cacheKey))
					optionOf.set(cacheKey, rowToInput({ [key]: value }, [byKey.get(key)!])[key]);
				out[key] = optionOf.get(cacheKey)!;
			} else {
				out[key] = value;
			}
		}
		return out;
	};
}

/**
 * A row's result followed by the row's own columns. A column named like a result field (a
 * report of rejected rows, corrected and imported again, has `result` and `reason` columns)
 * does not overwrite this import's result.
 */
export function withRowColumns(result: IDataObject, row: IDataObject): IDataObject {
	const out: IDataObject = { ...result };
	// defined, not assigned: a `__proto__` column stays a column
	for (const [key, value] of Object.entries(row))
		if (!Object.hasOwn(out, key))
			Object.defineProperty(out, key, {
				value,
				enumerable: true,
				writable: true,
				configurable: true,
			});
	return out;
}

/**
 * The Import operation: each input item is one spreadsheet row (as Extract from File gives
 * it); each output item is that row's result — created, updated or rejected with the field
 * and reason — followed by the row's own columns, so rejected rows can go straight into a report.
 */
export function importOperation(
	resource: string,
	fields: FieldDef[],
	aliases: Record<string, string>,
	run: (
		store: Store,
		rows: IDataObject[],
		actor: { actor: string },
		batchSize: number,
		today: string,
	) => Promise<BulkRowResult[]>,
): Operation {
	return {
		description: updateOperationDisplayOptions(
			{ show: { resource: [resource], operation: ['import'] } },
			[
				{
					displayName:
						'每个输入项为一行（可直接接 “Extract from File” 的输出），列名可用中文表头。Each input item is one row; Chinese headers are understood.',
					name: 'importNotice',
					type: 'notice',
					default: '',
				},
				batchSizeProperty(),
			],
		),
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
			const { store, settings } = await consortiumFor(this);
			const items = this.getInputData();
			const batchSize = readBatchSize(this);
			const toInput = ledgerMapper(fields, aliases);
			const rows = items.map((item) => toInput(item.json));
			const results = await run(
				store,
				rows,
				workflowActor(this),
				batchSize,
				todayIn(settings.timeZone),
			);
			return results.map((r) => ({
				json: withRowColumns(rowReport(r), items[r.row].json),
				pairedItem: { item: r.row },
			}));
		},
	};
}
