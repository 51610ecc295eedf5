import {
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import { updateOperationDisplayOptions } from '../../../../shared/descriptions/common';
import { checkPlacement, type PlacementInput } from '../../../../../core/exchange';
import { fieldProperties, readFields } from '../../../../shared/descriptions/fields';
import { amendingIdProperty, readAmendingId } from '../../../../shared/amending';
import { checkEachItem, checkNotice, labelsOf } from '../../../../shared/refusal';
import { workflowActor } from '../../../../shared/run';
import { consortiumFor } from '../../../../shared/store';
import { placementFields } from './fields';

const properties: INodeProperties[] = [
	checkNotice({
		zh: '名录、日期与站点名额校验',
		en: 'the directory, the dates, the station’s places',
	}),
	...fieldProperties(placementFields),
	amendingIdProperty(
		'修改中的实践 ID Placement Being Amended',
		'退回修改后重新提交时填写：按修改该实践记录校验 When a returned request is corrected: check it as the update of its placement',
	),
];

export const description = updateOperationDisplayOptions(
	{ show: { resource: ['placement'], operation: ['check'] } },
	properties,
);

const LABELS = labelsOf(placementFields);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const { store } = await consortiumFor(this);
	return checkEachItem(this, LABELS, (i) =>
		checkPlacement(
			store,
			readFields(this, i, placementFields) as unknown as PlacementInput,
			workflowActor(this),
			readAmendingId(this, i),
		),
	);
}
