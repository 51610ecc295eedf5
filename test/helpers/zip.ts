import { inflateRawSync } from 'node:zlib';

/**
 * The entries of a zip archive (an xlsx), read from its central directory. ExcelJS drops the
 * parts it does not model (charts, drawings), so tests read those here.
 */
export function zipEntries(buffer: Buffer): Map<string, Buffer> {
	const end = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
	if (end < 0) throw new Error('not a zip archive: no end of central directory');
	const count = buffer.readUInt16LE(end + 10);
	let at = buffer.readUInt32LE(end + 16);
	const entries = new Map<string, Buffer>();
	for (let i = 0; i < count; i++) {
		if (buffer.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central entry ${i}`);
		const method = buffer.readUInt16LE(at + 10);
		const nameLength = buffer.readUInt16LE(at + 28);
		const extra = buffer.readUInt16LE(at + 30) + buffer.readUInt16LE(at + 32);
		const local = buffer.readUInt32LE(at + 42);
		const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
		const dataAt = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
		const raw = buffer.subarray(dataAt, dataAt + buffer.readUInt32LE(at + 20));
		entries.set(name, method === 8 ? inflateRawSync(raw) : Buffer.from(raw));
		at += 46 + nameLength + extra;
	}
	return entries;
}

export function xlsxPart(buffer: Buffer, name: string): string {
	const part = zipEntries(buffer).get(name);
	if (!part) throw new Error(`${name} is not in the archive`);
	return part.toString('utf8');
}

/** The cell references of a chart part's formulas (`<c:f>`), XML character references decoded. */
export function chartRefs(chartXml: string): string[] {
	return [...chartXml.matchAll(/<c:f>([^<]+)<\/c:f>/g)].map((m) =>
		m[1]
			.replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)))
			.replace(/&quot;/g, '"')
			.replace(/&lt;/g, '<')
			.replace(/&gt;/g, '>')
			.replace(/&amp;/g, '&'),
	);
}
