import {
	VersionedNodeType,
	type INodeTypeBaseDescription,
	type IVersionedNodeType,
} from 'n8n-workflow';
import { CourseV1 } from './v1/CourseV1.node';

export class Course extends VersionedNodeType {
	constructor() {
		const baseDescription: INodeTypeBaseDescription = {
			displayName: '课程共建 Course',
			name: 'course',
			icon: { light: 'file:course.svg', dark: 'file:course.dark.svg' },
			group: ['transform'],
			description:
				'课程共建申报、立项与建设全过程 Course co-development proposals, approval and lifecycle',
			defaultVersion: 1,
		};
		const nodeVersions: IVersionedNodeType['nodeVersions'] = { 1: new CourseV1(baseDescription) };
		super(nodeVersions, baseDescription);
	}
}
