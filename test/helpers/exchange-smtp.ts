import type { AddressInfo } from 'node:net';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SMTPServer } = require('smtp-server');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { simpleParser } = require('mailparser');

export interface ReceivedMail {
	from?: any;
	to?: any;
	subject?: string;
	text?: string;
	html?: string | false;
	attachments: Array<{ filename?: string; contentType: string; content: Buffer }>;
}

export interface LoopbackSmtp {
	port: number;
	mails: ReceivedMail[];
	/** n8n's SMTP credential pointing at this server. */
	credential: { user: string; password: string; host: string; port: number; secure: boolean; disableStartTls: boolean };
	close(): Promise<void>;
}

/** A real SMTP server on loopback that keeps every message it accepts, parsed whole (attachments included). */
export async function startSmtp(): Promise<LoopbackSmtp> {
	const mails: ReceivedMail[] = [];
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS', 'AUTH'],
		logger: false,
		onData(stream: NodeJS.ReadableStream, _session: unknown, callback: (e?: Error) => void) {
			simpleParser(stream).then((mail: ReceivedMail) => {
				mails.push(mail);
				callback();
			}, callback);
		},
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.server.address() as AddressInfo).port;
	return {
		port,
		mails,
		credential: { user: '', password: '', host: '127.0.0.1', port, secure: false, disableStartTls: true },
		close: () => new Promise<void>((resolve) => server.close(resolve)),
	};
}
