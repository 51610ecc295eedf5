import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { projects } from '../../../../../core/registry';
import { updateOperationDisplayOptions } from '../../../../shared/descriptions/common';
import { readId } from '../../../../shared/params';
import { forEachItem, workflowActor } from '../../../../shared/run';
import { consortiumFor } from '../../../../shared/store';

type ProjectAction = (
	store: Awaited<ReturnType<typeof consortiumFor>>['store'],
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
	const description = updateOperationDisplayOptions(
		{ show: { resource: ['project'], operation: [operation] } },
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
	);
	async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
		const { store } = await consortiumFor(this);
		return forEachItem(this, async (i) => {
			const values: IDataObject = {};
			for (const p of properties)
				values[p.name] = this.getNodeParameter(p.name, i, p.default) as IDataObject[string];
			return (await act(store, readId(this, i), values, workflowActor(this))) as IDataObject;
		});
	}
	return { description, execute };
}

export { projects };
