import {
	MAX_ATTACHMENTS,
	MAX_ATTACHMENT_BYTES,
	contentDisposition,
	humanSize,
	validateAttachments,
} from '../../../core/approval/attachments';
import { ValidationError } from '../../../core/util/errors';

const refusal = (fn: () => unknown): ValidationError => {
	try {
		fn();
	} catch (error) {
		if (error instanceof ValidationError) return error;
		throw error;
	}
	throw new Error('not refused');
};

describe('附件 attachments: limits, names, sizes', () => {
	it('keeps the limits visible: 20 MB a file, 10 files', () => {
		expect([MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS]).toEqual([20 * 1024 * 1024, 10]);
	});

	it('refuses by the field: too large, empty, listed twice, too many', () => {
		const big = refusal(() =>
			validateAttachments([
				{ field: 'contract', content: new Uint8Array(MAX_ATTACHMENT_BYTES + 1) },
			]),
		);
		expect([big.field, big.code]).toEqual(['contract', 'tooLarge']);
		expect(big.message).toMatch(/^附件 contract 过大/);
		expect(
			validateAttachments([{ field: 'budget', content: new Uint8Array(MAX_ATTACHMENT_BYTES) }]),
		).toHaveLength(1);
		expect(
			refusal(() => validateAttachments([{ field: 'budget', content: new Uint8Array(0) }])).field,
		).toBe('budget');
		const one = { field: 'syllabus', content: new Uint8Array([1]) };
		expect(refusal(() => validateAttachments([one, one])).code).toBe('duplicate');
		const eleven = Array.from({ length: 11 }, (_, i) => ({
			field: `f${i}`,
			content: new Uint8Array([1]),
		}));
		expect(refusal(() => validateAttachments(eleven)).field).toBe('attachments');
	});

	it('cleans names and types: no directory, no control characters, a safe MIME type', () => {
		const [file] = validateAttachments([
			{
				field: 'syllabus',
				fileName: '..\\../etc/课程\u0000大纲.pdf',
				mimeType: 'text/html; charset=utf-8',
				content: new Uint8Array([1]),
			},
		]);
		expect([file.fileName, file.mimeType]).toEqual(['课程大纲.pdf', 'application/octet-stream']);
		const [unnamed] = validateAttachments([{ field: 'budget', content: new Uint8Array([1]) }]);
		expect(unnamed.fileName).toBe('budget');
	});

	it('prints sizes as people read them and names files in RFC 5987', () => {
		expect([humanSize(512), humanSize(12_595), humanSize(3 * 1024 * 1024)]).toEqual([
			'512 B',
			'12.3 KB',
			'3.0 MB',
		]);
		expect(contentDisposition("课程大纲 (v2)'s.pdf")).toBe(
			`attachment; filename="____ (v2)'s.pdf"; filename*=UTF-8''%E8%AF%BE%E7%A8%8B%E5%A4%A7%E7%BA%B2%20%28v2%29%27s.pdf`,
		);
	});
});
