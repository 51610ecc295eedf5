import {
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import type { Repository } from '../../core/store';
import {
	batchSizeProperty,
	recordIdProperty,
	updateOperationDisplayOptions,
} from './descriptions/common';
import {
	fieldProperties,
	readFields,
	rowToInput,
	updateFieldProperties,
	type FieldDef,
} from './descriptions/fields';
import { listOperation } from './listOperation';
import { readBatchSize, readId } from './params';
import { forEachItem, workflowActor } from './run';
import { consortiumFor } from './store';
import { dateInZone } from '../../core/util/time';
import { rowReport } from './rowReport';

export interface Operation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions): Promise<INodeExecutionData[]>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each resource has its own record types
type AnyRepository = Repository<any, any>;

export interface EntityOptions {
	/**
	 * The repository dates what it records with `today` (a registry status's history, the
	 * paid-through year a granted patent is assumed to have): pass the consortium's date, so a
	 * record made at 00:30 falls on the day of the credential's zone, not the server's or UTC's.
	 */
	datedInput?: boolean;
}

/**
 * The standard directory-style operations (create, get, update, upsert, list, delete, bulk
 * upsert) for one resource, built from its repository and field list. Each
 * `<operation>.operation.ts` file picks one, so resources share logic instead of copying it.
 */
export function entityOperations(
	resource: string,
	repository: AnyRepository,
	fields: FieldDef[],
	filters: FieldDef[],
	options: EntityOptions = {},
) {
	// Each item is dated as it is recorded, on the consortium's day.
	const dated = (input: object, settings: { timeZone: string }) =>
		options.datedInput ? { ...input, today: dateInZone(new Date(), settings.timeZone) } : input;

	const create: Operation = {
		description: fieldProperties(fields),
		async execute() {
			const { store, settings } = await consortiumFor(this);
			return forEachItem(this, async (i) =>
				repository.create(store, dated(readFields(this, i, fields), settings), workflowActor(this)),
			);
		},
	};

	const upsert: Operation = {
		description: fieldProperties(fields),
		async execute() {
			const { store, settings } = await consortiumFor(this);
			return forEachItem(this, async (i) => {
				const { record, result } = await repository.upsert(
					store,
					dated(readFields(this, i, fields), settings),
					workflowActor(this),
				);
				return { ...record, result };
			});
		},
	};

	const get: Operation = {
		description: [recordIdProperty()],
		async execute() {
			const { store } = await consortiumFor(this);
			return forEachItem(this, async (i) => repository.get(store, readId(this, i)));
		},
	};

	const update: Operation = {
		description: [recordIdProperty(), ...updateFieldProperties(fields)],
		async execute() {
			const { store, settings } = await consortiumFor(this);
			return forEachItem(this, async (i) =>
				repository.update(
					store,
					readId(this, i),
					dated(readFields(this, i, fields, 'updateFields'), settings),
					workflowActor(this),
				),
			);
		},
	};

	const remove: Operation = {
		description: [recordIdProperty()],
		async execute() {
			const { store } = await consortiumFor(this);
			return forEachItem(this, async (i) =>
				repository.delete(store, readId(this, i), workflowActor(this)),
			);
		},
	};

	const list = listOperation(
		resource,
		(store, options) => repository.list(store, options),
		filters,
	);

	const bulkUpsert: Operation = {
		description: [
			{
				displayName:
					'每个输入项为一行（可直接接 “Extract from File” 的输出），列名可用字段名或中文标签。Each input item is one row; columns may be headed by key or label.',
				name: 'bulkNotice',
				type: 'notice',
				default: '',
			},
			batchSizeProperty(),
		],
		async execute() {
			const { store, settings } = await consortiumFor(this);
			const items = this.getInputData();
			const batchSize = readBatchSize(this);
			const rows = items.map((item) => dated(rowToInput(item.json, fields), settings));
			const results = await repository.bulkUpsert(
				store,
				rows as never[],
				workflowActor(this),
				batchSize,
			);
			return results.map((r) => ({ json: rowReport(r), pairedItem: { item: r.row } }));
		},
	};

	const operations = { create, upsert, get, update, delete: remove, bulkUpsert };
	// Each operation's properties show under that operation alone, as n8n's versioned nodes do it;
	// listOperation does the same for its own.
	for (const [operation, op] of Object.entries(operations))
		op.description = updateOperationDisplayOptions(
			{ show: { resource: [resource], operation: [operation] } },
			op.description,
		);
	return { ...operations, list };
}

/** What a resource is called in its operations' action text: `单位`, `an organisation`, `organisations`. */
export interface ResourceNames {
	zh: string;
	one: string;
	many: string;
}

/** The operation selector of an entity resource (create, get, update, upsert, list, delete, bulk upsert). */
export function entityOperationProperty(resource: string, names: ResourceNames): INodeProperties {
	return {
		displayName: '操作 Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options: entityOperationOptions(names),
		default: 'create',
	};
}

/** The entity operations, their action text naming the resource (Chinese first, as every label). */
export function entityOperationOptions({ zh, one, many }: ResourceNames) {
	return [
		{ name: '创建 Create', value: 'create', action: `创建${zh} Create ${one}` },
		{
			name: '批量导入 Bulk Upsert',
			value: 'bulkUpsert',
			action: `批量导入${zh} Bulk upsert ${many}`,
		},
		{ name: '删除 Delete', value: 'delete', action: `删除${zh} Delete ${one}` },
		{ name: '获取 Get', value: 'get', action: `获取${zh} Get ${one}` },
		{ name: '列表 List', value: 'list', action: `列出${zh} List ${many}` },
		{ name: '更新 Update', value: 'update', action: `更新${zh} Update ${one}` },
		// Chinese first, as everywhere in this package; n8n's rule wants the English name alone.
		{
			// eslint-disable-next-line n8n-nodes-base/node-param-option-name-wrong-for-upsert
			name: '创建或更新 Create or Update',
			value: 'upsert',
			action: `创建或更新${zh} Create or update ${one}`,
		},
	];
}
