/** The JSON trees a report carries as data: what the renderer writes, what the report's script reads, and their ids. */
import type { PathSegment } from '../core/path.js';

/** A tree of the report: the user before, the user after, or the patch. */
export type Side = 'before' | 'after' | 'patch';

/** A mark on a node: the kind of a change, or the place Auth0 refuses. */
export type Mark = 'added' | 'changed' | 'removed' | 'refused';

/** One tree: its value, and by node id the mark of each marked node, the marks inside each, the nodes open at first. */
export type ReportTree = {
  side: Side;
  value: unknown;
  marks: Record<string, Mark>;
  inside: Record<string, Mark[]>;
  open: string[];
};

/** What the report embeds as JSON, in the element {@link DATA_ELEMENT_ID}. */
export type ReportData = { trees: ReportTree[] };

/** The id of the `<script type="application/json">` element that holds the {@link ReportData}. */
export const DATA_ELEMENT_ID = 'report-data';

/** The id of the element a tree is rendered into. */
export function treeHostId(side: Side): string {
  return `tree-${side}`;
}

/** The id of a tree node, which links name: `t-<side>`, then each step percent-encoded after a slash. */
export function nodeId(side: Side, segments: readonly PathSegment[]): string {
  return [`t-${side}`, ...segments.map((segment) => encodeURIComponent(String(segment)))].join('/');
}
