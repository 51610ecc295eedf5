import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import {
	INDICATORS,
	PERIOD_KIND_LABELS,
	PERIOD_KINDS,
	type ScoreboardRequest,
} from '../../../../../core/scoreboard';
import { vocabularyOptions } from '../../../../shared/descriptions/common';
import { choiceList, oneOf, optionalDate, optionalNumber } from '../../../../../core/util/validate';

/** The period parameters the Scoreboard operations share. */
export function periodProperties(): INodeProperties[] {
	return [
		{
			displayName: '统计周期 Period',
			name: 'period',
			type: 'options',
			options: vocabularyOptions(PERIOD_KINDS, PERIOD_KIND_LABELS),
			default: 'calendar',
		},
		{
			displayName: '年度 Year',
			name: 'year',
			type: 'number',
			default: 0,
			description:
				'自然年，或学年开始的年份；0 表示统计日所在的周期 Calendar year, or the year the school year starts; 0 means the period containing the as-of day',
		},
		{
			displayName: '学年起始月 School Year Starts In Month',
			name: 'startMonth',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 12 },
			default: 9,
			displayOptions: { show: { period: ['school'] } },
		},
		{
			displayName: '统计日 As Of',
			name: 'asOf',
			type: 'string',
			default: '',
			placeholder: '2026-06-30',
			description:
				'按此日已过的时间比例判断进度；留空为今天 Progress is judged on this day; empty means today',
		},
		{
			displayName: '指标 Indicators',
			name: 'indicators',
			type: 'multiOptions',
			options: INDICATORS.map((i) => ({ name: `${i.nameZh} ${i.nameEn}`, value: i.key })),
			default: [],
			description: '留空为全部 Empty means every indicator',
		},
	];
}

/**
 * The period of item `i`, each parameter checked with its field named: an expression can hand
 * over anything, and a list or a text here would otherwise surface as `NaN` or a TypeError.
 */
export function readPeriod(ctx: IExecuteFunctions, i: number, timeZone: string): ScoreboardRequest {
	const year = optionalNumber(ctx.getNodeParameter('year', i, 0), 'year', '年度 Year', {
		min: 0,
		max: 2100,
		integer: true,
	});
	return {
		period: oneOf(
			ctx.getNodeParameter('period', i, 'calendar'),
			'period',
			'统计周期 Period',
			PERIOD_KINDS,
		),
		year: year ? year : null,
		startMonth:
			optionalNumber(
				ctx.getNodeParameter('startMonth', i, 9),
				'startMonth',
				'学年起始月 School Year Starts In Month',
				{ min: 1, max: 12, integer: true },
			) ?? 9,
		asOf: optionalDate(ctx.getNodeParameter('asOf', i, ''), 'asOf', '统计日 As Of', timeZone),
		indicators: choiceList(
			ctx.getNodeParameter('indicators', i, []),
			'indicators',
			'指标 Indicators',
			INDICATORS.map((k) => k.key),
		),
		timeZone,
	};
}
