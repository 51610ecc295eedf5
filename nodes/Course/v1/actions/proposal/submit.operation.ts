import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateOperationDisplayOptions } from '../../../../shared/descriptions/common';
import { courses } from '../../../../../core/course';
import { readId } from '../../../../shared/params';
import { forEachItem } from '../../../../shared/run';
import { consortiumFor } from '../../../../shared/store';
import { courseContext, courseIdProperty, readStep, rulesProperty, stepProperties } from './common';

const properties: INodeProperties[] = [
	courseIdProperty,
	{
		displayName: '同时进入审批 Enter Approval',
		name: 'enterApproval',
		type: 'boolean',
		default: true,
		description:
			'Whether to move on to 审批中 Under Approval in the same step, as when an Approval node follows',
	},
	...stepProperties(),
	rulesProperty,
];

export const description = updateOperationDisplayOptions(
	{ show: { resource: ['proposal'], operation: ['submit'] } },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const consortium = await consortiumFor(this);
	return forEachItem(
		this,
		async (i) =>
			(await courses.submit(
				consortium.store,
				readId(this, i),
				{
					...readStep(this, i),
					enterApproval: this.getNodeParameter('enterApproval', i, true) as boolean,
				},
				courseContext(this, consortium, i, true),
			)) as IDataObject,
		// The form's files (课程大纲) go on with the item, for the Approval node to attach.
		{ keepBinary: true },
	);
}
