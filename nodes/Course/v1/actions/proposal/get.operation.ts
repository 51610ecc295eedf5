import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { courses } from '../../../../../core/course';
import { perItemOperation } from '../../../../shared/operation';
import { courseIdProperty } from './common';

const properties: INodeProperties[] = [courseIdProperty];

export const { description, execute } = perItemOperation(
	{ resource: 'proposal', operation: 'get' },
	properties,
	async ({ store, id }) => (await courses.get(store, id())) as IDataObject,
);
