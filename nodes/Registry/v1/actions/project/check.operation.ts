import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateOperationDisplayOptions } from '../../../../shared/descriptions/common';
import { projects, type ProjectInput } from '../../../../../core/registry';
import { fieldProperties, readFields } from '../../../../shared/descriptions/fields';
import { amendingIdProperty, readAmendingId } from '../../../../shared/amending';
import { checkEachItem, checkNotice, labelsOf } from '../../../../shared/refusal';
import { workflowActor } from '../../../../shared/run';
import { consortiumFor } from '../../../../shared/store';
import { projectFields } from './fields';

const properties: INodeProperties[] = [
	checkNotice({
		zh: '类别必填项、名录、日期与项目编号查重',
		en: 'the category’s required fields, the directory, the dates, a free project number',
	}),
	...fieldProperties(projectFields),
	amendingIdProperty(
		'修改中的项目 ID Project Being Amended',
		'退回修改后重新提交时填写：按修改该项目校验，其项目编号不算占用 When a returned declaration is corrected: check as its update, so its own project number is not taken',
	),
];

export const description = updateOperationDisplayOptions(
	{ show: { resource: ['project'], operation: ['check'] } },
	properties,
);

const LABELS = labelsOf(projectFields);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const { store } = await consortiumFor(this);
	return checkEachItem(this, LABELS, (i) =>
		projects.check(
			store,
			readFields(this, i, projectFields) as unknown as ProjectInput,
			workflowActor(this),
			readAmendingId(this, i),
		),
	);
}
