import { publishProblems, type Exhibit } from '../../../shared/exhibits/exhibit.js';

export interface DraftProblem {
  id: string;
  title: string;
  problems: string[];
}

/**
 * What stops the draft from being published, exhibit by exhibit (the server's own rule). Until
 * the list of spaces is known, doorways are not judged on where they lead.
 */
export function draftProblems(draft: readonly Exhibit[], spaceIds: readonly string[]): DraftProblem[] {
  const out: DraftProblem[] = [];
  for (const e of draft) {
    const known = new Set(spaceIds);
    if (spaceIds.length === 0 && e.content.kind === 'portal') known.add(e.content.to);
    const problems = publishProblems(e, known);
    if (problems.length > 0) out.push({ id: e.id, title: e.title, problems });
  }
  return out;
}
