import { GRADE_LABELS, GRADES } from '../../../../core/exchange';
import { vocabularyOptions } from '../../../shared/descriptions/common';

export const gradeOptions = vocabularyOptions(GRADES, GRADE_LABELS);
