import { versionedNode } from '../shared/versionedNode';
import { CourseV1 } from './v1/CourseV1.node';

export class Course extends versionedNode(
	{
		displayName: '课程共建 Course',
		name: 'course',
		icon: { light: 'file:course.svg', dark: 'file:course.dark.svg' },
		group: ['transform'],
		description:
			'课程共建申报、立项与建设全过程 Course co-development proposals, approval and lifecycle',
		defaultVersion: 1,
	},
	{ 1: CourseV1 },
) {}
