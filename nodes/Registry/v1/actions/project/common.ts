import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { projects } from '../../../../../core/registry';
import type { Store } from '../../../../../core/store';
import { perItemOperation } from '../../../../shared/operation';

type ProjectAction = (
	store: Store,
	id: string,
	values: IDataObject,
	actor: { actor: string },
) => Promise<unknown>;

/**
 * A project sub-record operation (milestone, funds, output): the project id plus its own
 * parameters, read per item and handed to one core method.
 */
export function projectChildOperation(
	operation: string,
	properties: INodeProperties[],
	act: ProjectAction,
) {
	return perItemOperation(
		{ resource: 'project', operation },
		[
			{
				displayName: '项目 ID Project ID',
				name: 'id',
				type: 'string',
				required: true,
				default: '',
				placeholder: 'prj_…',
			},
			...properties,
		],
		({ store, actor, param, id }) => {
			const values: IDataObject = {};
			for (const p of properties) values[p.name] = param<IDataObject[string]>(p.name, p.default);
			return act(store, id(), values, actor);
		},
	);
}

export { projects };
