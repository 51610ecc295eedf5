import type { AddressInfo } from 'node:net';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SMTPServer } = require('smtp-server');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { simpleParser } = require('mailparser');

/**
 * A loopback SMTP server that keeps each message exactly as mailparser reads it —
 * attachments included — for tests that open what was attached.
 */
export async function startMailbox(): Promise<{ mails: any[]; credential: { user: string; password: string; host: string; port: number; secure: boolean; disableStartTls: boolean }; close(): Promise<void> }> {
	const mails: any[] = [];
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS', 'AUTH'],
		logger: false,
		onData(stream: NodeJS.ReadableStream, _session: unknown, callback: (e?: Error) => void) {
			simpleParser(stream).then((mail: unknown) => {
				mails.push(mail);
				callback();
			}, callback);
		},
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.server.address() as AddressInfo).port;
	return {
		mails,
		credential: { user: '', password: '', host: '127.0.0.1', port, secure: false, disableStartTls: true },
		close: () => new Promise<void>((resolve) => server.close(resolve)),
	};
}
