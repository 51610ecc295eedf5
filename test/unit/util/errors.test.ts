import { bilingual, labelParts, NotFoundError } from '../../../core/util/errors';

describe('messages clerks read: Chinese first, with the numbers and names', () => {
	it('splits a bilingual label into its Chinese and English parts', () => {
		expect(labelParts('课程名称 Course Name')).toEqual({ zh: '课程名称', en: 'Course Name' });
		expect(labelParts('申请号 Application No.')).toEqual({ zh: '申请号', en: 'Application No.' });
		expect(labelParts('全职每周天数 Full-Time Days per Week')).toEqual({
			zh: '全职每周天数',
			en: 'Full-Time Days per Week',
		});
		expect(labelParts('第 1 阶段 Stage 1')).toEqual({ zh: '第 1 阶段', en: 'Stage 1' });
		expect(labelParts('annualCategories')).toEqual({
			zh: 'annualCategories',
			en: 'annualCategories',
		});
		expect(labelParts('日期')).toEqual({ zh: '日期', en: '日期' });
		expect(labelParts('失败的执行 ID Failed Execution ID')).toEqual({
			zh: '失败的执行 ID',
			en: 'Failed Execution ID',
		});
		expect(labelParts('项目负责人 PI')).toEqual({ zh: '项目负责人', en: 'PI' });
		expect(bilingual('学分应为数字', 'Credits must be a number')).toBe(
			'学分应为数字 / Credits must be a number',
		);
	});

	it('a record not found is named in Chinese with its id', () => {
		expect(new NotFoundError('placement', 'plc_1').message).toBe(
			'未找到实践安排 "plc_1" / placement not found',
		);
	});
});
