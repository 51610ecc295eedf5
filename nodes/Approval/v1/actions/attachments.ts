import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import {
	validateAttachments,
	type AttachmentInput,
	type ValidAttachment,
} from '../../../../core/approval';
import { ValidationError } from '../../../../core/util/errors';

/** The 附件 Attachments option: binary property names, comma-separated. */
export function attachmentNames(options: IDataObject): string[] {
	return String(options.attachments ?? '')
		.split(',')
		.map((n) => n.trim())
		.filter(Boolean);
}

/**
 * 附件: the files named in the option, read from one item's binary properties and checked
 * against the limits. A name the item does not carry is refused by name, as a file over the
 * limit is, before anything is written: Request Approval turns it into the node's error,
 * Check Approval into a refusal a form's ending page shows.
 */
export async function readAttachments(
	ctx: IExecuteFunctions,
	itemIndex: number,
	names: string[],
): Promise<ValidAttachment[]> {
	const binary = ctx.getInputData()[itemIndex]?.binary ?? {};
	const inputs: AttachmentInput[] = [];
	for (const name of names) {
		const file = binary[name];
		if (!file) {
			const present = Object.keys(binary).join(', ');
			throw new ValidationError(
				`附件字段 ${name} 不存在（输入项的二进制字段：${present || '无'}）/ The item has no binary property ${name} (it has: ${present || 'none'})`,
				name,
				'missingFile',
			);
		}
		inputs.push({
			field: name,
			fileName: file.fileName,
			mimeType: file.mimeType,
			content: await ctx.helpers.getBinaryDataBuffer(itemIndex, name),
		});
	}
	return validateAttachments(inputs);
}
