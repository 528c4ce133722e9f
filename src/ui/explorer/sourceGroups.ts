// The Local Functions view's grouping, without 'vscode' (a unit test checks it): a workspace with one kind of
// project lists its functions as they are; with several (a SAM app beside a CDK app), each kind gets a group.
import type { SourceProblem } from '../../core/local/sources/functionSource';
import type { LocalFunctionDefinition } from '../../core/local/types';

export interface SourceGroup {
  readonly kind: string;
  readonly title: string;
  readonly functions: readonly LocalFunctionDefinition[];
  readonly problems: readonly SourceProblem[];
}

/**
 * The functions and problems by kind of source, in the registry's order; empty kinds left out. Functions without
 * an origin (given ad hoc) and problems are put with the kind `kindOfFile` names.
 */
export function groupBySource(
  kinds: readonly { readonly kind: string; readonly title: string }[],
  functions: readonly LocalFunctionDefinition[],
  problems: readonly SourceProblem[],
  kindOfFile: (file: string) => string,
): SourceGroup[] {
  return kinds
    .map(({ kind, title }) => ({
      kind,
      title,
      functions: functions.filter((f) => (f.origin ? f.origin.source : undefined) === kind),
      problems: problems.filter((p) => kindOfFile(p.file) === kind),
    }))
    .filter((group) => group.functions.length > 0 || group.problems.length > 0);
}
