/**
 * The official calendars shipped with the package: 国家规定, from the State Council's
 * yearly notice. Each year lists only the days that differ from the Monday–Friday week:
 * the holidays (法定节假日 with the weekend days joined to them by 调休) and the weekend
 * days that are working days (调休上班). A consortium edits its own copy in the store.
 */

export type CalendarKind = 'holiday' | 'workday';

export interface CalendarDay {
	/** Local calendar date `YYYY-MM-DD` in the consortium's zone. */
	date: string;
	kind: CalendarKind;
	name: string;
}

export interface OfficialYear {
	year: number;
	/** False when the notice for that year could not be found: its days are then only weekends. */
	published: boolean;
	source: string;
	days: CalendarDay[];
}

function range(from: string, to: string, name: string): CalendarDay[] {
	const days: CalendarDay[] = [];
	for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86400000) {
		days.push({ date: new Date(t).toISOString().slice(0, 10), kind: 'holiday', name });
	}
	return days;
}

const workday = (date: string, name: string): CalendarDay => ({
	date,
	kind: 'workday',
	name: `${name}调休上班`,
});

/**
 * 国务院办公厅关于2026年部分节假日安排的通知 (dated 4 November 2025),
 * https://www.gov.cn/zhengce/content/202511/content_7047090.htm, as carried in full by Xinhua
 * (https://politics.gmw.cn/2025-11/04/content_38391083.htm):
 * 元旦 1月1日至3日放假调休，1月4日（周日）上班；春节 2月15日至23日，2月14日（周六）、2月28日（周六）上班；
 * 清明节 4月4日至6日；劳动节 5月1日至5日，5月9日（周六）上班；端午节 6月19日至21日；
 * 中秋节 9月25日至27日；国庆节 10月1日至7日，9月20日（周日）、10月10日（周六）上班。
 */
export const OFFICIAL_2026: OfficialYear = {
	year: 2026,
	published: true,
	source: 'https://www.gov.cn/zhengce/content/202511/content_7047090.htm',
	days: [
		...range('2026-01-01', '2026-01-03', '元旦'),
		workday('2026-01-04', '元旦'),
		workday('2026-02-14', '春节'),
		...range('2026-02-15', '2026-02-23', '春节'),
		workday('2026-02-28', '春节'),
		...range('2026-04-04', '2026-04-06', '清明节'),
		...range('2026-05-01', '2026-05-05', '劳动节'),
		workday('2026-05-09', '劳动节'),
		...range('2026-06-19', '2026-06-21', '端午节'),
		workday('2026-09-20', '国庆节'),
		...range('2026-09-25', '2026-09-27', '中秋节'),
		...range('2026-10-01', '2026-10-07', '国庆节'),
		workday('2026-10-10', '国庆节'),
	],
};

/**
 * 国务院办公厅关于2027年部分节假日安排的通知: not found when this package was built (searched
 * December 2026). The notice is usually issued in November or December of the year before; no
 * day is guessed here. Until it is entered (Consortium node → 工作日历 Calendar → Upsert Day),
 * 2027 counts only weekends as non-working days.
 */
export const OFFICIAL_2027: OfficialYear = {
	year: 2027,
	published: false,
	source: '',
	days: [],
};

export const OFFICIAL_YEARS: OfficialYear[] = [OFFICIAL_2026, OFFICIAL_2027];

export function officialDays(): CalendarDay[] {
	return OFFICIAL_YEARS.flatMap((y) => y.days);
}
