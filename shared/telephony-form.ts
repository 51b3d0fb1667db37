// A qualification form's answers checked against its fields: the console checks them before
// wrap-up and the API checks them again. Each problem names the field id and the reason.
import type { FormAnswers, FormField } from './contracts/telephony';

export interface AnswerProblem {
  field: string;
  message: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const isEmpty = (value: unknown) => value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

/** Problems of the answers (empty when they are acceptable); answers to unknown fields are problems too. */
export function checkAnswers(fields: readonly FormField[], answers: FormAnswers): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  const known = new Set(fields.map((f) => f.id));
  for (const id of Object.keys(answers)) if (!known.has(id)) problems.push({ field: id, message: 'is not a field of this form' });
  for (const field of fields) {
    const value = answers[field.id];
    if (isEmpty(value)) {
      if (field.required) problems.push({ field: field.id, message: 'is required' });
      continue;
    }
    const problem = checkValue(field, value);
    if (problem) problems.push({ field: field.id, message: problem });
  }
  return problems;
}

function checkValue(field: FormField, value: unknown): string | null {
  switch (field.type) {
    case 'text': {
      if (typeof value !== 'string') return 'must be text';
      if (field.min !== undefined && value.trim().length < field.min) return `must be at least ${field.min} characters`;
      if (field.max !== undefined && value.length > field.max) return `must be at most ${field.max} characters`;
      return null;
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a number';
      if (field.min !== undefined && value < field.min) return `must be at least ${field.min}`;
      if (field.max !== undefined && value > field.max) return `must be at most ${field.max}`;
      return null;
    }
    case 'yes_no':
      return typeof value === 'boolean' ? null : 'must be yes or no';
    case 'date': {
      if (typeof value !== 'string' || !DATE.test(value)) return 'must be a date such as 2026-03-31';
      const d = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value) ? null : 'is not a calendar date';
    }
    case 'choice':
      return typeof value === 'string' && (field.options ?? []).includes(value) ? null : 'must be one of the options';
    case 'multi': {
      if (!Array.isArray(value)) return 'must be a list of options';
      const options = new Set(field.options ?? []);
      if (value.some((v) => typeof v !== 'string' || !options.has(v))) return 'must only hold the options';
      if (new Set(value).size !== value.length) return 'must not repeat an option';
      return null;
    }
  }
}
