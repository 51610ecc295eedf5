import type { INodeProperties } from 'n8n-workflow';
import {
	DEADLINE_KIND_LABELS,
	DEADLINE_KINDS,
	listDeadlines,
	type Deadline,
} from '../../../../../core/registry';
import { addDays } from '../../../../../core/util/time';
import { choiceList, optionalDate } from '../../../../../core/util/validate';
import type { ItemContext } from '../../../../shared/operation';
import { todayIn } from '../common';

export const kindOptions = Object.entries(DEADLINE_KIND_LABELS).map(([value, name]) => ({
	name,
	value,
}));

export const windowProperties = (defaultDays: number): INodeProperties[] => [
	{
		displayName: '起始日期 From',
		name: 'from',
		type: 'string',
		default: '',
		placeholder: '2026-09-01',
		description:
			'含当天；留空为今天（联合体时区）Inclusive; empty for today in the consortium time zone',
	},
	{
		displayName: '截止日期 To',
		name: 'to',
		type: 'string',
		default: '',
		placeholder: '2026-11-30',
		description: `含当天；留空为起始日期后 ${defaultDays} 天 Inclusive; empty for ${defaultDays} days after From`,
	},
	{
		displayName: '期限类型 Kinds',
		name: 'kinds',
		type: 'multiOptions',
		options: kindOptions,
		default: [],
		description: '留空为全部 Empty for all kinds',
	},
];

/** Reads the window for item `i` and lists what falls in it, days left counted from today in the consortium's zone. */
export async function deadlinesInWindow(
	{ store, consortium, param }: ItemContext,
	defaultDays: number,
): Promise<Deadline[]> {
	const { timeZone } = consortium.settings;
	const today = todayIn(timeZone);
	// A schedule's timestamp given as the window's start is its day in the consortium's zone.
	const from = optionalDate(param<unknown>('from', ''), 'from', '起始日期 From', timeZone) ?? today;
	const to =
		optionalDate(param<unknown>('to', ''), 'to', '截止日期 To', timeZone) ??
		addDays(from, defaultDays);
	// A multi-options value from an expression: each kind checked, since a text would reach `in (…)` as one odd value.
	const kinds = choiceList(param<unknown>('kinds', []), 'kinds', '期限类型 Kinds', DEADLINE_KINDS);
	return listDeadlines(store, { from, to, today, kinds });
}
