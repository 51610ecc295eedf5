import {
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import { confirmLog } from '../../../../../core/exchange';
import {
	recordIdProperty,
	updateOperationDisplayOptions,
} from '../../../../shared/descriptions/common';
import { readId } from '../../../../shared/params';
import { forEachItem, workflowActor } from '../../../../shared/run';
import { consortiumFor } from '../../../../shared/store';

const properties: INodeProperties[] = [
	recordIdProperty('周志 ID Log ID'),
	{
		displayName: '其他字段 Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: '添加字段 Add Field',
		default: {},
		options: [
			{
				displayName: '确认人 Confirmed By',
				name: 'confirmedBy',
				type: 'string',
				default: '',
				description: "默认为企业导师 Defaults to the placement's mentor",
			},
		],
	},
];

export const description = updateOperationDisplayOptions(
	{ show: { resource: ['weeklyLog'], operation: ['confirm'] } },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const { store } = await consortiumFor(this);
	return forEachItem(this, async (i) => {
		const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		return (await confirmLog(
			store,
			readId(this, i),
			{ confirmedBy: extra.confirmedBy as string },
			workflowActor(this),
		)) as never;
	});
}
