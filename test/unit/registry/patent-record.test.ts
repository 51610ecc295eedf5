import { checkCreditCode } from '../../../core/directory/credit-code';
import { parsePatentNumber, patentColumns, registryToday } from '../../../core/registry';
import { ValidationError } from '../../../core/util/errors';

function refusal(fn: () => unknown): ValidationError {
	try {
		fn();
	} catch (e) {
		expect(e).toBeInstanceOf(ValidationError);
		return e as ValidationError;
	}
	throw new Error('accepted');
}

// Check digits below worked by hand with the weights 2…9, 2…5 (mod 11), e.g. 202180012345:
// 2·2+0·3+2·4+1·5+8·6+0·7+0·8+1·9+2·2+3·3+4·4+5·5 = 128, 128 mod 11 = 7.
const PCT_ENTRY = '202180012345.7'; // type 8: PCT invention, received by CNIPA in 2021
const PARENT = '201910234567.8'; // an invention application of 2019
const DIVISIONAL = '202110345678.3'; // filed as a divisional of it in 2021

describe('filing dates CNIPA keeps from earlier applications', () => {
	// 专利法实施细则 (2010) art. 102: a PCT application's international filing date is its 申请日.
	it('accepts a PCT national-phase entry filed (internationally) two years before its number', () => {
		const c = patentColumns({
			applicationNo: PCT_ENTRY,
			title: 'PCT',
			filingDate: '2019-06-10',
			pctFilingDate: '2019-06-10',
		});
		expect(c).toMatchObject({
			type: 'pct_invention',
			filing_date: '2019-06-10',
			pct_filing_date: '2019-06-10',
			term_expires_on: '2039-06-09',
		});
		// The international date alone is enough: it is the filing date.
		expect(
			patentColumns({
				applicationNo: PCT_ENTRY,
				title: 'PCT',
				filingDate: '',
				pctFilingDate: '2019-06-10',
			}).filing_date,
		).toBe('2019-06-10');
		expect(
			refusal(() =>
				patentColumns({
					applicationNo: PCT_ENTRY,
					title: 'PCT',
					filingDate: '2021-01-04',
					pctFilingDate: '2019-06-10',
				}),
			).field,
		).toBe('filingDate');
	});

	// 细则 (2010) art. 43: a divisional keeps its parent's filing date.
	it("accepts a divisional with its parent's earlier filing date", () => {
		const c = patentColumns({
			applicationNo: DIVISIONAL,
			title: '分案',
			filingDate: '2019-03-05',
			parentApplicationNo: PARENT,
		});
		expect(c).toMatchObject({
			type: 'invention',
			filing_date: '2019-03-05',
			parent_application_no: PARENT,
			term_expires_on: '2039-03-04',
		});
		// Without the parent the earlier date is a mistake, and says how to fix it.
		const plain = refusal(() =>
			patentColumns({ applicationNo: DIVISIONAL, title: '分案', filingDate: '2019-03-05' }),
		);
		expect(plain.field).toBe('filingDate');
		expect(plain.message).toMatch(/^申请日 2019-03-05 不在申请号 202110345678\.3 的受理年份 2021/);
		// A divisional's date must be its parent's, not another year.
		expect(
			refusal(() =>
				patentColumns({
					applicationNo: DIVISIONAL,
					title: '分案',
					filingDate: '2020-03-05',
					parentApplicationNo: PARENT,
				}),
			).field,
		).toBe('filingDate');
		// A filing date after the number's year is never right.
		expect(
			refusal(() => patentColumns({ applicationNo: PARENT, title: 'x', filingDate: '2020-01-02' }))
				.field,
		).toBe('filingDate');
	});

	it('refuses a PCT international date on a number that is not a PCT entry', () => {
		expect(
			refusal(() =>
				patentColumns({
					applicationNo: PARENT,
					title: 'x',
					filingDate: '2019-03-05',
					pctFilingDate: '2019-03-05',
				}),
			).field,
		).toBe('pctFilingDate');
	});
});

describe('granted patents from a ledger', () => {
	const granted = {
		applicationNo: '201820712345.3',
		title: '实用新型',
		filingDate: '2018-05-16',
		status: '授权',
		grantedOn: '2018-10-09',
	};

	it('checks the test number by hand', () => {
		// 2·2+0·3+1·4+8·5+2·6+0·7+7·8+1·9+2·2+3·3+4·4+5·5 = 179, 179 mod 11 = 3
		expect(parsePatentNumber(granted.applicationNo).type).toBe('utility');
	});

	it('with 已缴至第 8 年 has the 9th-year fee next and nothing lost', () => {
		// Year 9 begins 2026-05-16, its last day to pay; grace to 2026-11-16.
		const c = patentColumns({ ...granted, paidThroughYear: 8, today: '2026-03-01' });
		expect(c).toMatchObject({
			paid_through_year: 8,
			paid_through_assumed: 0,
			next_fee_year: 9,
			next_fee_due: '2026-05-16',
			grace_ends_on: '2026-11-16',
		});
	});

	it('without the column assumes the current patent year paid and marks it 待核实, never lost', () => {
		// On 2026-03-01 the patent is in year 8 (2025-05-16 … 2026-05-15): next is year 9.
		expect(patentColumns({ ...granted, today: '2026-03-01' })).toMatchObject({
			paid_through_year: 8,
			paid_through_assumed: 1,
			next_fee_year: 9,
			next_fee_due: '2026-05-16',
		});
		// On 2026-06-01 it is in year 9: next is year 10, due 2027-05-16.
		expect(patentColumns({ ...granted, today: '2026-06-01' })).toMatchObject({
			paid_through_year: 9,
			next_fee_year: 10,
			next_fee_due: '2027-05-16',
		});
		// An update (not a create) never assumes.
		expect(patentColumns({ ...granted, today: '2026-06-01' }, [], undefined, false)).toMatchObject({
			paid_through_year: null,
			next_fee_year: 1,
		});
	});

	it('reads 费减比例 as 0.85, 85 or "85%" with ten years by default', () => {
		for (const rate of [0.85, 85, '85%', '８５％']) {
			expect(
				patentColumns({ ...granted, paidThroughYear: 8, feeReductionRate: rate }),
			).toMatchObject({ fee_reduction_rate: 0.85, fee_reduction_years: 10 });
		}
		expect(
			patentColumns({
				...granted,
				paidThroughYear: 8,
				feeReductionRate: '70%',
				feeReductionYears: 6,
			}),
		).toMatchObject({ fee_reduction_rate: 0.7, fee_reduction_years: 6 });
		expect(
			refusal(() => patentColumns({ ...granted, paidThroughYear: 8, feeReductionYears: 6 })).field,
		).toBe('feeReductionRate');
	});

	it('takes 期限补偿天数 for inventions only (专利法 art. 42)', () => {
		const c = patentColumns({
			applicationNo: PARENT,
			title: 'x',
			filingDate: '2019-03-05',
			termExtensionDays: 100,
		});
		// 2039-03-04 + 100 days: 27 left in March, 30 in April, 31 in May, 12 in June.
		expect(c).toMatchObject({ term_extension_days: 100, term_expires_on: '2039-06-12' });
		expect(
			refusal(() => patentColumns({ ...granted, paidThroughYear: 8, termExtensionDays: 10 })).field,
		).toBe('termExtensionDays');
	});
});

describe('full-width input (NFKC)', () => {
	it('accepts a full-width patent number', () => {
		expect(parsePatentNumber('２０１３１０６９９７４４．２')).toMatchObject({
			applicationNo: '201310699744.2',
			type: 'invention',
			year: 2013,
		});
		expect(parsePatentNumber('ＺＬ　２０１３　１　０６９９７４４．２').applicationNo).toBe(
			'201310699744.2',
		);
	});

	it('accepts a full-width credit code (GB 32100-2015)', () => {
		// 91320500MA1M7777 0 + check 1, worked with weights 3^i mod 31.
		expect(checkCreditCode('９１３２０５００ＭＡ１Ｍ７７７７０１')).toEqual({
			ok: true,
			code: '91320500MA1M777701',
		});
		expect(checkCreditCode('９１３２０５００ＭＡ１Ｍ７７７７０２').ok).toBe(false);
	});
});

describe("today in the consortium's zone", () => {
	it('is the Beijing day at 23:30 and at 00:30 Asia/Shanghai', () => {
		// 23:30 on 4 December in Beijing is 15:30 UTC the same day.
		expect(registryToday('Asia/Shanghai', new Date('2026-12-04T15:30:00Z'))).toBe('2026-12-04');
		// 00:30 on 5 December in Beijing is still 4 December (16:30) in UTC.
		expect(registryToday('Asia/Shanghai', new Date('2026-12-04T16:30:00Z'))).toBe('2026-12-05');
		expect(registryToday(undefined, new Date('2026-12-04T16:30:00Z'))).toBe('2026-12-05');
	});
});
