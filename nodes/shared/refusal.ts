import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { escapeHtml } from '../../core/util/html';
import { NotFoundError, StateError, ValidationError } from '../../core/util/errors';
import { toNodeError } from './errors';
import { forEachItem, type EachItemOptions } from './run';

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

/** Field keys to the labels people read, from a node's field list plus any extra keys. */
export function labelsOf(
	fields: Array<{ key: string; label: string }>,
	extra: Record<string, string> = {},
): Record<string, string> {
	return { ...Object.fromEntries(fields.map((f) => [f.key, f.label])), ...extra };
}

/**
 * The body of a check operation: for each item, the preview of what would be written with
 * `valid: true`, or the refusal (`valid: false`, field, message) a form ending page shows.
 * Anything but a refusal of the input (a store that cannot be reached) fails the item as any
 * operation does, Continue On Fail included.
 */
export function checkEachItem(
	ctx: IExecuteFunctions,
	labels: Record<string, string>,
	preview: (itemIndex: number) => Promise<object>,
	options: EachItemOptions = {},
): Promise<INodeExecutionData[]> {
	return forEachItem(
		ctx,
		async (i) => {
			try {
				return { valid: true, ...(await preview(i)) } as IDataObject;
			} catch (error) {
				const refusal = refusalOf(error, labels);
				if (refusal) return refusal;
				throw toNodeError(ctx.getNode(), error, i);
			}
		},
		options,
	);
}

/** The notice above a check operation's fields: what it checks, and what it outputs. */
export function checkNotice(what: { zh: string; en: string }): INodeProperties {
	return {
		displayName: `只校验、不保存：与“创建”相同的${what.zh}。通过时输出将创建的记录（valid 为 true），未通过时输出 valid 为 false、字段与说明（message 纯文本，messageHtml 已转义），供表单结束页显示。 Checks exactly what Create checks (${what.en}) and writes nothing: on success the record as it would be created (valid: true); on a refusal valid: false with the field and the reason (message as text, messageHtml escaped) for a form ending page.`,
		name: 'checkNotice',
		type: 'notice',
		default: '',
	};
}
