import {
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import { addSession, type SessionInput } from '../../../../../core/exchange';
import {
	recordIdProperty,
	updateOperationDisplayOptions,
} from '../../../../shared/descriptions/common';
import { fieldProperties, readFields, type FieldDef } from '../../../../shared/descriptions/fields';
import { readId } from '../../../../shared/params';
import { forEachItem, workflowActor } from '../../../../shared/run';
import { consortiumFor } from '../../../../shared/store';

const sessionFields: FieldDef[] = [
	{ key: 'date', label: '授课日期 Date', type: 'date', required: true },
	{ key: 'hours', label: '课时 Hours', type: 'number', required: true, default: 2 },
	{ key: 'topic', label: '授课内容 Topic', type: 'string' },
	{ key: 'feedbackScore', label: '学生评分（0–100）Feedback Score', type: 'number' },
	{ key: 'feedbackCount', label: '评分人数 Respondents', type: 'number' },
];

const properties: INodeProperties[] = [
	recordIdProperty('授课记录 ID Engagement ID'),
	...fieldProperties(sessionFields),
];

export const description = updateOperationDisplayOptions(
	{ show: { resource: ['engagement'], operation: ['addSession'] } },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const { store } = await consortiumFor(this);
	return forEachItem(
		this,
		async (i) =>
			(await addSession(
				store,
				readId(this, i),
				readFields(this, i, sessionFields) as unknown as SessionInput,
				workflowActor(this),
			)) as never,
	);
}
