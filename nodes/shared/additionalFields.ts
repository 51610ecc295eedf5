import type { INodeProperties } from 'n8n-workflow';

/**
 * The 其他字段 Additional Fields collection holding an operation's optional parameters, named
 * `additionalFields` as every operation reads it.
 */
export const additionalFieldsProperty = (options: INodeProperties[]): INodeProperties => ({
	displayName: '其他字段 Additional Fields',
	name: 'additionalFields',
	type: 'collection',
	placeholder: '添加字段 Add Field',
	default: {},
	options,
});
