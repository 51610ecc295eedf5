import {
	NodeOperationError,
	type IDataObject,
	type INodeExecutionData,
	type INodeProperties,
	type IPollFunctions,
} from 'n8n-workflow';
import {
	latestEvents,
	pollEvents,
	RECORD_KINDS,
	type PollOptions,
} from '../../../../../core/events';
import { ValidationError } from '../../../../../core/util/errors';
import { optionalNumber, textList } from '../../../../../core/util/validate';
import { consortiumFor } from '../../../../shared/store';

const showRecords = { show: { events: ['recordChanged'] } };

export const description: INodeProperties[] = [
	{
		displayName: '事件 Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		options: [
			{ name: '记录新增或变更 Record Created or Changed', value: 'recordChanged' },
			{ name: '审批已决定 Approval Decided', value: 'approvalDecided' },
			{ name: '审批环节超期 Approval Stage Overdue', value: 'approvalOverdue' },
			{ name: '期限临近 Deadline Within Window', value: 'deadlineWindow' },
		],
		default: ['recordChanged'],
	},
	{
		displayName: '记录类型 Record Kinds',
		name: 'recordKinds',
		type: 'multiOptions',
		options: Object.entries(RECORD_KINDS).map(([value, kind]) => ({ name: kind.label, value })),
		default: ['course'],
		displayOptions: showRecords,
	},
	{
		displayName: '其他实体类型 Other Entity Types',
		name: 'entityTypes',
		type: 'string',
		default: '',
		placeholder: 'exchange_log, registry_funds',
		description:
			'审计记录中的实体类型，逗号分隔 Audit entity types, comma-separated, for records not in the list above',
		displayOptions: showRecords,
	},
	{
		displayName: '仅这些动作 Only Actions',
		name: 'actions',
		type: 'string',
		default: '',
		placeholder: 'create, update, status:approved',
		description:
			'留空表示全部 Leave empty for every action (create, update, delete, state changes)',
		displayOptions: showRecords,
	},
	{
		displayName: '提前天数 Window (Days)',
		name: 'windowDays',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 30,
		description:
			'期限在今后多少天内时触发（每个期限触发一次）Fire once for each deadline due within this many days',
		displayOptions: { show: { events: ['deadlineWindow'] } },
	},
	{
		displayName: '每次最多事件数 Max Events per Poll',
		name: 'maxEvents',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 500,
		description: '其余留到下次轮询 The rest wait for the next poll',
	},
];

const EVENTS = ['recordChanged', 'approvalDecided', 'approvalOverdue', 'deadlineWindow'];

/** A multi-option parameter: a list of the known values (an expression can hand over anything). */
function choices(value: unknown, known: readonly string[], field: string, label: string): string[] {
	const list = textList(value, field, label);
	const unknown = list.find((v) => !known.includes(v));
	if (unknown !== undefined)
		throw new ValidationError(
			`${label}: unknown value "${unknown.slice(0, 40)}" / 未知选项`,
			field,
			'choice',
		);
	return list;
}

function watchOptions(ctx: IPollFunctions, timeZone: string): PollOptions {
	const events = choices(ctx.getNodeParameter('events', []), EVENTS, 'events', '事件 Events');
	const records = events.includes('recordChanged');
	const workflow = ctx.getWorkflow();
	return {
		workflowId: String(workflow.id ?? 'manual'),
		nodeId: ctx.getNode().id,
		timeZone,
		recordKinds: records
			? choices(
					ctx.getNodeParameter('recordKinds', []),
					Object.keys(RECORD_KINDS),
					'recordKinds',
					'记录类型 Record Kinds',
				)
			: [],
		entityTypes: records
			? textList(
					ctx.getNodeParameter('entityTypes', ''),
					'entityTypes',
					'其他实体类型 Other Entity Types',
				)
			: [],
		actions: records
			? textList(ctx.getNodeParameter('actions', ''), 'actions', '仅这些动作 Only Actions')
			: [],
		approvalDecided: events.includes('approvalDecided'),
		approvalOverdue: events.includes('approvalOverdue'),
		deadlineWindowDays: events.includes('deadlineWindow')
			? (optionalNumber(
					ctx.getNodeParameter('windowDays', 30),
					'windowDays',
					'提前天数 Window (Days)',
					{ min: 0, max: 3660, integer: true },
				) ?? 30)
			: null,
		limit:
			optionalNumber(
				ctx.getNodeParameter('maxEvents', 500),
				'maxEvents',
				'每次最多事件数 Max Events per Poll',
				{ min: 1, max: 10_000, integer: true },
			) ?? 500,
	};
}

/**
 * Each poll emits the events after this workflow's cursor and moves the cursor past them
 * (the store keeps it, per workflow and node). "Fetch test event" shows the newest real
 * event without moving anything.
 */
export async function execute(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const { store, settings } = await consortiumFor(this);
	let options: PollOptions;
	try {
		options = watchOptions(this, settings.timeZone);
	} catch (error) {
		throw new NodeOperationError(this.getNode(), (error as Error).message);
	}
	if (this.getMode() === 'manual') {
		const latest = await latestEvents(store, options, 1);
		if (latest.length === 0) {
			throw new NodeOperationError(
				this.getNode(),
				'还没有符合条件的事件 No matching event has happened yet',
				{
					description:
						'先创建或修改一条所选类型的记录，再重试 Create or change a record of the chosen kind, then try again',
				},
			);
		}
		return [this.helpers.returnJsonArray(latest as unknown as IDataObject[])];
	}
	const events = await pollEvents(store, options);
	if (events.length === 0) return null;
	return [this.helpers.returnJsonArray(events as unknown as IDataObject[])];
}
