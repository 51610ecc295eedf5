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
import { courseContext, courseIdProperty, readStep, stepProperties } from './common';
import { courseStateOptions } from './fields';

const properties: INodeProperties[] = [
	courseIdProperty,
	{
		displayName: '目标状态 Next State',
		name: 'to',
		type: 'options',
		options: courseStateOptions.filter((o) => o.value !== 'draft'),
		default: 'approved',
		required: true,
		description:
			'不合流程的变更会被拒绝并说明当前状态 An illegal step is refused, naming the current state',
	},
	...stepProperties(),
];

export const description = updateOperationDisplayOptions(
	{ show: { resource: ['proposal'], operation: ['advance'] } },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const consortium = await consortiumFor(this);
	return forEachItem(
		this,
		async (i) =>
			(await courses.advance(
				consortium.store,
				readId(this, i),
				this.getNodeParameter('to', i) as string,
				readStep(this, i),
				courseContext(this, consortium, i),
			)) as IDataObject,
	);
}
