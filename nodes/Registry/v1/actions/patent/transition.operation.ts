import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { patents } from '../../../../../core/registry';
import { forEachItem } from '../../../../shared/run';
import { consortiumFor } from '../../../../shared/store';
import { runTransition, transitionProperties } from '../common';
import { patentStatusOptions } from './fields';

export const description = transitionProperties('patent', '专利 ID Patent ID', patentStatusOptions.filter((o) => o.value !== 'filed'), 'preliminary');

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const consortium = await consortiumFor(this);
	return forEachItem(this, (i) => runTransition(this, i, (...args) => patents.transition(...args), consortium));
}
