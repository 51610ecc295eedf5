import {
	updateDisplayOptions,
	type IDisplayOptions,
	type INodeProperties,
	type INodePropertyOptions,
} from 'n8n-workflow';

/**
 * n8n's updateDisplayOptions, with the given conditions (an operation's resource and
 * operation) kept first in each property's `show`. n8n checks `show` keys in order and
 * displays a property at the first one whose value is an expression; updateDisplayOptions
 * puts a property's own keys (`status`, `returnAll`) first, so an expression there would show
 * it under every operation of the node.
 */
export function updateOperationDisplayOptions(
	displayOptions: IDisplayOptions,
	properties: INodeProperties[],
): INodeProperties[] {
	return updateDisplayOptions(displayOptions, properties).map((property) => ({
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { ...displayOptions.show, ...property.displayOptions?.show },
		},
	}));
}

export const recordIdProperty = (displayName = '记录 ID Record ID'): INodeProperties => ({
	displayName,
	name: 'id',
	type: 'string',
	required: true,
	default: '',
});

/** A notice in the editor: `text` is shown, nothing is read. */
export const noticeProperty = (name: string, text: string): INodeProperties => ({
	displayName: text,
	name,
	type: 'notice',
	default: '',
});

/** The 筛选 Filters collection of a List operation, holding the filters given. */
export function filtersProperty(options: INodeProperties['options']): INodeProperties {
	return {
		displayName: '筛选 Filters',
		name: 'filters',
		type: 'collection',
		placeholder: '添加筛选 Add Filter',
		default: {},
		options,
	};
}

/** Return All and Limit, for an operation to wrap with updateOperationDisplayOptions. */
export const listPagingProperties = (): INodeProperties[] => [
	{
		displayName: '返回全部 Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: '数量上限 Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

export const batchSizeProperty = (): INodeProperties => ({
	displayName: '每批行数 Batch Size',
	name: 'batchSize',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 500,
	description:
		'每批一个事务；被拒绝的行不写入任何数据。One transaction per batch; a rejected row writes nothing',
});

/**
 * An options list built from a core vocabulary and its labels, so the editor offers exactly
 * the values core accepts, named as core's outputs name them (issue #18: copies drift).
 */
export function vocabularyOptions<T extends string>(
	values: readonly T[],
	labels: Readonly<Record<T, string>>,
	descriptions?: Readonly<Record<T, string>>,
): Array<{ name: string; value: T; description?: string }> {
	return values.map((value) => ({
		name: labels[value],
		value,
		...(descriptions ? { description: descriptions[value] } : {}),
	}));
}

/**
 * A resource's 操作 Operation selector, shown under that resource alone, followed by the
 * properties of each of its operations.
 */
export function resourceOperations(
	resource: string,
	options: INodePropertyOptions[],
	defaultOperation: string,
	operations: Record<string, { description: INodeProperties[] }>,
): INodeProperties[] {
	return [
		{
			displayName: '操作 Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource] } },
			options,
			default: defaultOperation,
		},
		...Object.values(operations).flatMap((operation) => operation.description),
	];
}
