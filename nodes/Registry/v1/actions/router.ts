import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { route } from '../../../shared/router';
import * as deadline from './deadline';
import * as patent from './patent';
import * as project from './project';

export const resources = {
	patent: patent.operations,
	project: project.operations,
	deadline: deadline.operations,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return route.call(this, resources);
}
