import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { route } from '../../../shared/router';
import * as organisation from './organisation';
import * as person from './person';

export const resources = {
	organisation: organisation.operations,
	person: person.operations,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return route.call(this, resources);
}
