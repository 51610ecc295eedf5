import { rowReport } from '../../../nodes/shared/rowReport';

describe('the rejection report a clerk opens', () => {
	it('has Chinese columns, rows numbered from one, and keeps the value workflows filter on', () => {
		const report = rowReport({
			row: 0,
			result: 'rejected',
			field: 'applicationNo',
			reason: '申请号校验位错误 / check digit',
		});
		expect(report).toEqual({
			行: 1,
			结果: '已拒绝 Rejected',
			字段: 'applicationNo',
			原因: '申请号校验位错误 / check digit',
			result: 'rejected',
			id: null,
		});
		expect(Object.keys(rowReport({ row: 4, result: 'created', id: 'org_1' }))).not.toContain('row');
		expect(rowReport({ row: 4, result: 'created', id: 'org_1' })).toMatchObject({
			行: 5,
			结果: '已新增 Created',
			id: 'org_1',
		});
	});
});
