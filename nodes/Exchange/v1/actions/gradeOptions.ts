export const gradeOptions = [
	{ name: '优秀 Excellent', value: 'excellent' },
	{ name: '良好 Good', value: 'good' },
	{ name: '合格 Pass', value: 'pass' },
	{ name: '不合格 Fail', value: 'fail' },
];
