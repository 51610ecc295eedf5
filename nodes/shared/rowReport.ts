import type { IDataObject } from 'n8n-workflow';
import type { BulkRowResult } from '../../core/store';

/** Each row's outcome as a clerk reads it in the rejection report. */
export const ROW_RESULT_LABELS: Record<BulkRowResult['result'], string> = {
	created: '已新增 Created',
	updated: '已更新 Updated',
	rejected: '已拒绝 Rejected',
};

/**
 * One row of a bulk write's report, with Chinese columns (行 one-based, 结果, 字段, 原因) for the
 * spreadsheet a clerk opens; `result` keeps the stable value (created / updated / rejected)
 * that workflows filter on, and `id` the record written.
 */
export function rowReport(r: BulkRowResult): IDataObject {
	return {
		行: r.row + 1,
		结果: ROW_RESULT_LABELS[r.result],
		字段: r.field ?? null,
		原因: r.reason ?? null,
		result: r.result,
		id: r.id ?? null,
	};
}
