import { createHash } from 'node:crypto';
import type { Db, Tx } from '../store';
import { ValidationError } from '../util/errors';
import { newId } from '../util/id';

/**
 * 附件 attachments (issue #19): the files a request carries — the course syllabus, the
 * contract, the budget — taken from the form's file fields. They are validated before the
 * request is written and stored in the same transaction as the request, so a refused file
 * leaves no request behind and a failed request no file. The bytes live in the store; mails
 * carry none. The decision and inbox pages list them, and the download is served at the
 * approver's own link (`?token=…&file=<id>`), so it needs the same token as the page.
 */

/** 本联合体设置 (local choice): the largest file a request may carry. Mail systems refuse ~25 MB; the store need not hold more. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
/** 本联合体设置 (local choice): how many files one request may carry. */
export const MAX_ATTACHMENTS = 10;

/** One file as the node hands it over: the item's binary property and its bytes. */
export interface AttachmentInput {
	/** The binary property it came from (`syllabus`), named in every refusal. */
	field: string;
	fileName?: unknown;
	mimeType?: unknown;
	content: Uint8Array;
}

/** A file checked and ready to store. */
export interface ValidAttachment {
	field: string;
	fileName: string;
	mimeType: string;
	content: Buffer;
}

/** An attachment as the pages and the workflow see it: never its content. */
export interface AttachmentInfo {
	id: string;
	fileName: string;
	mimeType: string;
	size: number;
	sha256: string;
	createdAt: string;
}

export interface AttachmentFile {
	fileName: string;
	mimeType: string;
	size: number;
	content: Buffer;
}

function mb(bytes: number): string {
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** "12.3 KB": what the pages print beside a file's name. */
export function humanSize(bytes: number): string {
	if (bytes < 1024) return `${bytes} B`;
	if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
	if (bytes < 1024 * 1024 * 1024) return mb(bytes);
	return `${(bytes / 1024 / 1024 / 1024).toFixed(1)} GB`;
}

/**
 * A file name safe to store and to send back in a header: no directory part, no control
 * characters, at most 200 characters; the field's name when the form gave none.
 */
function cleanName(value: unknown, field: string): string {
	const raw = typeof value === 'string' ? value : '';
	const base = raw.split(/[\\/]/).pop() ?? '';
	// eslint-disable-next-line no-control-regex
	const name = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
	return (name || field).slice(0, 200);
}

function cleanMime(value: unknown): string {
	const mime = typeof value === 'string' ? value.trim().toLowerCase() : '';
	return /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(mime) && mime.length <= 100
		? mime
		: 'application/octet-stream';
}

/** Checks the files against the limits; the first refusal names its field (Chinese first). */
export function validateAttachments(inputs: AttachmentInput[]): ValidAttachment[] {
	if (inputs.length > MAX_ATTACHMENTS)
		throw new ValidationError(
			`附件过多：${inputs.length} 个，上限 ${MAX_ATTACHMENTS} 个 / Too many attachments: ${inputs.length}, at most ${MAX_ATTACHMENTS}`,
			'attachments',
			'tooMany',
		);
	const seen = new Set<string>();
	return inputs.map((input) => {
		const field = input.field;
		if (seen.has(field))
			throw new ValidationError(
				`附件 ${field} 重复 / Attachment ${field} is listed twice`,
				field,
				'duplicate',
			);
		seen.add(field);
		const size = input.content.byteLength;
		if (size === 0)
			throw new ValidationError(
				`附件 ${field} 是空文件 / Attachment ${field} is empty`,
				field,
				'empty',
			);
		if (size > MAX_ATTACHMENT_BYTES)
			throw new ValidationError(
				`附件 ${field} 过大：${size} 字节，单个文件上限 ${MAX_ATTACHMENT_BYTES} 字节（${mb(MAX_ATTACHMENT_BYTES)}）/ Attachment ${field} is too large: ${size} bytes, at most ${MAX_ATTACHMENT_BYTES} bytes (${mb(MAX_ATTACHMENT_BYTES)}) per file`,
				field,
				'tooLarge',
			);
		return {
			field,
			fileName: cleanName(input.fileName, field),
			mimeType: cleanMime(input.mimeType),
			content: Buffer.from(input.content.buffer, input.content.byteOffset, size),
		};
	});
}

/** Writes the files of a new request, inside the caller's (the request's) transaction. */
export async function storeAttachments(
	tx: Tx,
	requestId: string,
	files: ValidAttachment[],
	at: string,
): Promise<void> {
	for (const [position, file] of files.entries())
		await tx
			.insertInto('approval_attachment')
			.values({
				id: newId('att'),
				request_id: requestId,
				position,
				file_name: file.fileName,
				mime_type: file.mimeType,
				size: file.content.byteLength,
				sha256: createHash('sha256').update(file.content).digest('hex'),
				content: file.content,
				created_at: at,
			})
			.execute();
}

const INFO_COLUMNS = [
	'id',
	'request_id',
	'file_name',
	'mime_type',
	'size',
	'sha256',
	'created_at',
] as const;

function toInfo(row: {
	id: string;
	file_name: string;
	mime_type: string;
	size: number;
	sha256: string;
	created_at: string;
}): AttachmentInfo {
	return {
		id: row.id,
		fileName: row.file_name,
		mimeType: row.mime_type,
		size: Number(row.size),
		sha256: row.sha256,
		createdAt: row.created_at,
	};
}

/** The files of each request, in the order they were given, without their content. */
export async function attachmentsOf(
	db: Db | Tx,
	requestIds: string[],
): Promise<Map<string, AttachmentInfo[]>> {
	const byRequest = new Map<string, AttachmentInfo[]>();
	if (requestIds.length === 0) return byRequest;
	const rows = await db
		.selectFrom('approval_attachment')
		.select(INFO_COLUMNS)
		.where('request_id', 'in', requestIds)
		.orderBy('request_id')
		.orderBy('position')
		.execute();
	for (const row of rows) {
		const list = byRequest.get(row.request_id) ?? [];
		list.push(toInfo(row));
		byRequest.set(row.request_id, list);
	}
	return byRequest;
}

/** The files of one request, without their content. */
export async function listAttachments(db: Db | Tx, requestId: string): Promise<AttachmentInfo[]> {
	return (await attachmentsOf(db, [requestId])).get(requestId) ?? [];
}

/** The download address of a file: the approver's own link with `file=<id>` added. */
export function attachmentLink(approverLink: string, attachmentId: string): string {
	const url = new URL(approverLink);
	url.searchParams.set('file', attachmentId);
	return url.toString();
}

/**
 * One file of a request, with its content, for download. The caller has already checked
 * that the token opens a slot of that very request (`attachmentForLink` in decide.ts), so one
 * request's link never reaches another request's files.
 */
export async function readAttachment(
	db: Db | Tx,
	requestId: string,
	attachmentId: unknown,
): Promise<AttachmentFile | undefined> {
	if (typeof attachmentId !== 'string' || !/^att_[0-9A-Za-z]{1,60}$/.test(attachmentId))
		return undefined;
	const row = await db
		.selectFrom('approval_attachment')
		.select(['file_name', 'mime_type', 'size', 'content'])
		.where('id', '=', attachmentId)
		.where('request_id', '=', requestId)
		.executeTakeFirst();
	if (!row) return undefined;
	return {
		fileName: row.file_name,
		mimeType: row.mime_type,
		size: Number(row.size),
		content: Buffer.isBuffer(row.content) ? row.content : Buffer.from(row.content),
	};
}

/**
 * `Content-Disposition` for a download: an ASCII fallback name and the real one in RFC 5987
 * encoding (`filename*=UTF-8''…`), so 课程大纲.pdf arrives as 课程大纲.pdf.
 */
export function contentDisposition(fileName: string): string {
	const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_') || 'download';
	const encoded = encodeURIComponent(fileName).replace(
		/['()*]/g,
		(c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
	);
	return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
