import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

// Tested by every node through `testedBy: 'consortiumStoreTest'` (nodes/shared/descriptions/node.ts,
// test/unit/nodes/descriptions.test.ts); the rule reads only inline descriptions of the
// registered entry files, which for versioned nodes carry none. A `test` request cannot apply:
// the store is SQLite or PostgreSQL, not HTTP.
// eslint-disable-next-line @n8n/community-nodes/credential-test-required
export class ConsortiumStoreApi implements ICredentialType {
	name = 'consortiumStoreApi';

	displayName = '联合体数据存储 Consortium Store API';

	icon: Icon = {
		light: 'file:../nodes/Consortium/consortium.svg',
		dark: 'file:../nodes/Consortium/consortium.dark.svg',
	};

	documentationUrl = 'https://github.com/n8n-nodes-consortium/n8n-nodes-consortium#readme';

	properties: INodeProperties[] = [
		{
			displayName: '存储类型 Store Type',
			name: 'storeType',
			type: 'options',
			options: [
				{ name: '内置 SQLite 文件 Embedded (SQLite File)', value: 'sqlite' },
				{ name: 'PostgreSQL', value: 'postgres' },
			],
			default: 'sqlite',
			description:
				'内置存储无需安装数据库；队列模式与多 worker 请用 PostgreSQL。Embedded needs nothing installed; use PostgreSQL for queue mode.',
		},
		{
			displayName: 'SQLite 文件路径 SQLite File Path',
			name: 'sqlitePath',
			type: 'string',
			default: '',
			placeholder: '~/.n8n/consortium.sqlite',
			description:
				"留空则放在 n8n 用户目录中。Leave empty for consortium.sqlite in n8n's user folder.",
			displayOptions: { show: { storeType: ['sqlite'] } },
		},
		{
			displayName: '主机 Host',
			name: 'host',
			type: 'string',
			default: '127.0.0.1',
			displayOptions: { show: { storeType: ['postgres'] } },
		},
		{
			displayName: '端口 Port',
			name: 'port',
			type: 'number',
			default: 5432,
			displayOptions: { show: { storeType: ['postgres'] } },
		},
		{
			displayName: '数据库 Database',
			name: 'database',
			type: 'string',
			default: 'consortium',
			displayOptions: { show: { storeType: ['postgres'] } },
		},
		{
			displayName: '用户 User',
			name: 'user',
			type: 'string',
			default: 'postgres',
			displayOptions: { show: { storeType: ['postgres'] } },
		},
		{
			displayName: '密码 Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: { show: { storeType: ['postgres'] } },
		},
		{
			displayName: 'SSL',
			name: 'ssl',
			type: 'boolean',
			default: false,
			displayOptions: { show: { storeType: ['postgres'] } },
		},
		{
			displayName: '时区 Time Zone',
			name: 'timeZone',
			type: 'string',
			default: 'Asia/Shanghai',
			description:
				'显示与排程所用时区；数据一律以 UTC 保存。Zone for display and scheduling; data is stored in UTC.',
		},
		{
			displayName: '审批链接签名密钥 Link Signing Secret',
			name: 'linkSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'签名审批链接。请填写（npm start 会自动生成）：留空则生成并保存在存储中，拿到存储副本即可打开所有链接。更换后旧链接失效，催办会发出新链接。Signs approval links. Set one (npm start generates it): if empty, one is generated and kept in the store, and a copy of the store then opens every link. Changing it voids old links; 催办 Remind sends new ones.',
		},
		{
			displayName: '企业微信应用 AgentId WeCom App AgentId',
			name: 'wecomAgentId',
			type: 'number',
			default: 0,
			description:
				"审批通知的企业微信应用消息所用应用；0 表示不发应用消息（群机器人消息照常）。人员的企业微信账号在名录中填写。The WeCom app for approvers' app messages; 0 for none (group-robot messages still come). Each person's WeCom UserID is kept in the directory.",
		},
		{
			displayName: '钉钉应用 AgentId DingTalk App AgentId',
			name: 'dingtalkAgentId',
			type: 'number',
			default: 0,
			description:
				"审批通知的钉钉工作通知所用应用；0 表示不发工作通知。人员的钉钉 userid 在名录中填写。The DingTalk app for approvers' work notices; 0 for none. Each person's userid is kept in the directory.",
		},
		{
			displayName: '公开访问地址 Public Base URL',
			name: 'publicBaseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://n8n.example.edu.cn/',
			description:
				"审批链接使用的地址，留空则使用 n8n 的 Webhook 地址。Base of approval links; n8n's webhook URL if empty.",
		},
	];
}
