import type { IDataObject } from 'n8n-workflow';
import { escapeHtml } from '../../core/util/html';
import { NotFoundError, StateError, ValidationError } from '../../core/util/errors';

/**
 * A check operation answers instead of throwing when the input is refused, so a form can
 * show the submitter what to fix on its own page. Only refusals of the input count: a store
 * that cannot be reached still fails the node (and reaches the error workflow).
 *
 * `labels` names a field for people (`课程代码 Course Code`); `field` may carry an index
 * (`team[2]`), which is kept in the text so the submitter knows which entry.
 */
export function refusalOf(error: unknown, labels: Record<string, string>): IDataObject | undefined {
	if (
		!(
			error instanceof ValidationError ||
			error instanceof NotFoundError ||
			error instanceof StateError
		)
	)
		return undefined;
	const field = error instanceof ValidationError ? (error.field ?? null) : null;
	const base = field?.replace(/\[.*$/, '') ?? '';
	const index = field ? /\[(\d+)\]/.exec(field)?.[1] : undefined;
	const label =
		(labels[base] ?? base) +
		(index !== undefined ? ` 第 ${Number(index) + 1} 项 entry ${Number(index) + 1}` : '');
	const message = error.message;
	const heading = label
		? `请修改「${label}」后重新提交，本次申报未保存。`
		: '本次申报未通过校验，未保存。';
	return {
		valid: false,
		field,
		fieldLabel: label || null,
		message: `${heading}\n${message}\nNothing was saved; please correct ${label ? `"${label}" ` : 'it '}and submit again.`,
		messageHtml: `<p>${escapeHtml(heading)}</p><p>${escapeHtml(message)}</p><p>Nothing was saved; please correct ${label ? `<b>${escapeHtml(label)}</b>` : 'it'} and submit again.</p>`,
	};
}
