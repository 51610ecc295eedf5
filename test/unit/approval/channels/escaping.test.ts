import {
	channelPayloads,
	checkLink,
	dingtalkRobotActionCard,
	dingtalkRobotMarkdown,
	dingtalkWorkNotice,
	feishuCard,
	inertMarkdown,
	plainLine,
	truncateBytes,
	wecomAppMessage,
	wecomRobotMarkdown,
	type ChannelNotice,
} from '../../../../core/approval/channels';

const link =
	'https://approvals.example.edu.cn/webhook-waiting/4711/node-a?signature=abc.DEF_123&token=t0k%2Ben';
const evil: ChannelNotice = {
	to: '王老师 <@all>',
	subject: '课程 [x](http://evil.example) **加急** <font color="warning">红</font>',
	summary:
		'预算 ![img](http://evil.example/p.png) `code` _斜_ ~~删~~ | 表 | &#42; \n# 标题\n> 引用 https://evil.example/z',
	link,
	requestNumber: 'KC-2026-0042',
	stage: '二级学院审核',
	dueAt: '2026-10-09T02:15:00.000Z',
};

/** Every `[text](target)` in a markdown text. */
const links = (markdown: string) =>
	[...markdown.matchAll(/\[[^\]]*\]\(([^)]*)\)/g)].map((m) => m[1]);

describe('user text cannot format or link in markdown payloads', () => {
	const markdowns = {
		wecomRobot: wecomRobotMarkdown(evil).markdown.content,
		dingtalkWork: dingtalkWorkNotice(evil, { agentId: 1, userIds: ['u1'] }).msg.action_card
			.markdown,
		dingtalkRobotCard: dingtalkRobotActionCard(evil).actionCard.text,
		dingtalkRobotMarkdown: dingtalkRobotMarkdown(evil).markdown.text,
	};

	it.each(Object.entries(markdowns))(
		'%s: the only link is the decision link, no injected emphasis, tags or images',
		(_, md) => {
			expect(links(md).filter((l) => l !== link)).toEqual([]);
			expect(md).not.toMatch(/evil\.example\)/);
			expect(md).not.toMatch(/\*\*加急\*\*/);
			expect(md).not.toMatch(/<font|<@all>|!\[|`code`|~~|&#42;/);
			expect(md).not.toMatch(/https?:\/\/evil/);
			// Injected line starts (heading, quote) cannot happen: user text stays on its labelled line.
			expect(md.split('\n').some((l) => /^\s*(#|>)/.test(l))).toBe(false);
			// What the reader sees keeps the words.
			expect(md).toContain('［x］（http：//evil.example）');
			expect(md).toContain('＊＊加急＊＊');
		},
	);

	it('the markdown messages that carry a link carry it unchanged', () => {
		expect(links(markdowns.wecomRobot)).toEqual([link]);
		expect(links(markdowns.dingtalkRobotMarkdown)).toEqual([link]);
		expect(links(markdowns.dingtalkWork)).toEqual([]);
	});

	it('WeCom textcard description keeps its own tags only', () => {
		const card = wecomAppMessage(evil, { agentId: 1000002, toUser: ['wang'] }).textcard;
		expect(card.description.match(/<div class="(gray|highlight|normal)">/g)).toHaveLength(3);
		expect(card.description).not.toMatch(/<font|<@all>/);
		expect(card.url).toBe(link);
	});

	it('the Feishu card uses plain_text only, so text shows as typed', () => {
		const json = JSON.stringify(feishuCard(evil));
		expect(json).not.toContain('lark_md');
		expect(json).toContain(JSON.stringify(plainLine(evil.subject, 200)).slice(1, -1));
	});
});

describe('text helpers', () => {
	it('inertMarkdown maps markdown characters to full-width forms and breaks bare addresses', () => {
		expect(inertMarkdown('[a](b) *c* _d_ `e` <f> #g !h |i ~j &k $l \\m http://n')).toBe(
			'［a］（b） ＊c＊ ＿d＿ ｀e｀ ＜f＞ ＃g ！h ｜i ～j ＆k ＄l ＼m http：//n',
		);
		expect(inertMarkdown('课程 2026-10-09 C+ 1.5')).toBe('课程 2026-10-09 C+ 1.5');
	});

	it('plainLine flattens line breaks and control characters and cuts by characters', () => {
		expect(plainLine(' a\n\tb\u2028c\u0000d ', 100)).toBe('a b c d');
		expect(plainLine('一二三四五', 3)).toBe('一二…');
	});

	it('truncateBytes never splits a character and stays within the bytes', () => {
		const cut = truncateBytes('审批'.repeat(100), 128);
		expect(Buffer.byteLength(cut, 'utf8')).toBeLessThanOrEqual(128);
		expect(cut.endsWith('…')).toBe(true);
		expect(cut).not.toContain('\uFFFD');
		expect(truncateBytes('short', 128)).toBe('short');
	});

	it('checkLink accepts http(s) links as given and refuses others', () => {
		expect(checkLink(link)).toBe(link);
		for (const bad of [
			'javascript:alert(1)',
			'/relative',
			'https://a.example/x y',
			'https://a.example/"q"',
			'ftp://a.example/',
			'',
		])
			expect(() => checkLink(bad)).toThrow(RangeError);
		expect(() => channelPayloads({ ...evil, link: 'javascript:alert(1)' })).toThrow(RangeError);
	});

	it('a parenthesis in a link is percent-encoded in markdown targets, nowhere else', () => {
		const odd = 'https://a.example/x(1)?t=2';
		expect(links(wecomRobotMarkdown({ ...evil, link: odd }).markdown.content)).toEqual([
			'https://a.example/x%281%29?t=2',
		]);
		expect(dingtalkRobotActionCard({ ...evil, link: odd }).actionCard.singleURL).toBe(odd);
	});
});

describe('platform limits', () => {
	const long: ChannelNotice = {
		...evil,
		subject: '很长的标题'.repeat(60),
		summary: '摘要内容'.repeat(400),
		stage: '环节'.repeat(60),
	};

	it('WeCom textcard: title ≤ 128 bytes, description ≤ 512 bytes, btntxt ≤ 4 characters', () => {
		const card = wecomAppMessage(long, { agentId: 1, toUser: ['a', 'b'] });
		expect(card.touser).toBe('a|b');
		expect(Buffer.byteLength(card.textcard.title, 'utf8')).toBeLessThanOrEqual(128);
		expect(Buffer.byteLength(card.textcard.description, 'utf8')).toBeLessThanOrEqual(512);
		expect(card.textcard.description).toMatch(/<\/div>$/);
		expect([...card.textcard.btntxt].length).toBeLessThanOrEqual(4);
	});

	it('WeCom robot markdown ≤ 4096 bytes, with the link kept', () => {
		const content = wecomRobotMarkdown(long).markdown.content;
		expect(Buffer.byteLength(content, 'utf8')).toBeLessThanOrEqual(4096);
		expect(links(content)).toEqual([link]);
	});

	it('refuses a WeCom link over 2048 bytes rather than cutting it', () => {
		expect(() =>
			wecomAppMessage(
				{ ...evil, link: `https://a.example/${'x'.repeat(2100)}` },
				{ agentId: 1, toUser: ['a'] },
			),
		).toThrow(/2048/);
	});

	it('shows the due time in the consortium zone', () => {
		expect(wecomRobotMarkdown(evil).markdown.content).toContain('截止 Due：2026-10-09 10:15');
		expect(wecomRobotMarkdown({ ...evil, timeZone: 'UTC' }).markdown.content).toContain(
			'截止 Due：2026-10-09 02:15',
		);
	});
});
