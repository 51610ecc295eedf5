import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { projects } from '../../../../../core/registry';
import { forEachItem } from '../../../../shared/run';
import { consortiumFor } from '../../../../shared/store';
import { updateOperationDisplayOptions } from '../../../../shared/descriptions/common';
import { runTransition, transitionProperties } from '../common';
import { projectStatusOptions } from './fields';

export const description = updateOperationDisplayOptions(
	{ show: { resource: ['project'], operation: ['transition'] } },
	transitionProperties(
		'项目 ID Project ID',
		projectStatusOptions.filter((o) => o.value !== 'applied'),
		'approved',
	),
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const consortium = await consortiumFor(this);
	return forEachItem(this, (i) =>
		runTransition(this, i, (...args) => projects.transition(...args), consortium),
	);
}
