export * from './notice';
export * from './text';
export * from './wecom';
export * from './dingtalk';
export * from './feishu';
export { channelPayloads, type ChannelTargets } from './payloads';
export { chatTargets } from './targets';
